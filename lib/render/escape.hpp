#pragma once
// Text into HTML or XML, one way for every renderer that writes markup.
#include <string>
#include <string_view>

namespace lilo {

struct MarkupEscape {
    std::string_view apostrophe = "&#39;";  // XML: "&apos;"
    std::string_view control = "\xEF\xBF\xBD"; // for a control character other than tab and line breaks (not allowed in XML 1.0)
    bool keep_carriage_return = true;
};

// & < > " ' as entities; control characters other than tab, line feed (and
// carriage return, when kept) replaced by `control`.
std::string escape_markup(std::string_view s, const MarkupEscape& how = {});

// Text for a cell of a Markdown table: a pipe escaped and a line break made a
// space, so the cell cannot end early. `literal`: inline markup (* _ ` [ ] <
// @ \) escaped too, for text that is the user's and must show as written (the
// cover sheet); else lilo's own messages keep their `code`.
std::string markdown_cell(std::string_view s, bool literal = false);

} // namespace lilo
