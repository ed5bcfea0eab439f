#pragma once
// Text into the cohort page's HTML (render/cohort_html_text.cpp).
#include <string>
#include <string_view>

namespace lilo {

// Text for HTML content and attribute values. Bytes that are not UTF-8 are
// shown as \xHH (as elsewhere in lilo); other control characters become U+FFFD.
std::string esc(std::string_view raw);

// A diagnostic's message: `code` as <code>, the rest escaped.
std::string message_html(std::string_view m);

// A path that may break after each '/', never inside a name.
std::string path_html(std::string_view p);

} // namespace lilo
