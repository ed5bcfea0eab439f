// Text into the cohort page's HTML: escaped, `code` marked up, paths that break at '/'.
#include "render/cohort_html_text.hpp"

#include "render/escape.hpp"
#include "text/utf8.hpp"

namespace lilo {

std::string esc(std::string_view raw) { return escape_markup(escape_invalid_utf8(raw)); }

std::string message_html(std::string_view m)
{
    std::string out;
    bool in_code = false;
    for (std::size_t i = 0; i < m.size();) {
        const std::size_t tick = m.find('`', i);
        const std::string_view part = m.substr(i, tick == std::string_view::npos ? std::string_view::npos : tick - i);
        out += esc(part);
        if (tick == std::string_view::npos) break;
        // A lone backtick with no partner stays as it is.
        if (!in_code && m.find('`', tick + 1) == std::string_view::npos) { out += '`'; i = tick + 1; continue; }
        out += in_code ? "</code>" : "<code>";
        in_code = !in_code;
        i = tick + 1;
    }
    return out;
}

std::string path_html(std::string_view p)
{
    std::string out = esc(p);
    for (std::size_t at = out.find('/'); at != std::string::npos; at = out.find('/', at + 6)) out.insert(at + 1, "<wbr>");
    return out;
}

} // namespace lilo
