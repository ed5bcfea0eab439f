#pragma once
// The HTML inside Markdown: what raw HTML says once its tags are gone, and
// the character an entity stands for.
#include <string>
#include <string_view>

namespace lilo {

// Text with tags removed and comment contents kept.
std::string html_text(std::string_view html);

// Appends what an entity ("&amp;", "&#123;", "&#x1F;") stands for; an
// entity lilo does not know becomes '&', a symbol and no word.
void append_entity(std::string& out, std::string_view entity);

} // namespace lilo
