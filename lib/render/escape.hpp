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

} // namespace lilo
