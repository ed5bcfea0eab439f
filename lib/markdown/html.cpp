#include "markdown/html.hpp"

#include <utility>

#include "text/utf8.hpp"

namespace lilo {

std::string html_text(std::string_view html)
{
    std::string out;
    std::size_t i = 0;
    while (i < html.size()) {
        if (html.compare(i, 4, "<!--") == 0) {
            const std::size_t end = html.find("-->", i + 4);
            const std::size_t stop = end == std::string_view::npos ? html.size() : end;
            out += ' ';
            out.append(html.substr(i + 4, stop - i - 4));
            out += ' ';
            i = end == std::string_view::npos ? html.size() : end + 3;
        } else if (html[i] == '<') {
            const std::size_t end = html.find('>', i);
            if (end == std::string_view::npos) { out.append(html.substr(i)); break; }
            const std::string_view tag = html.substr(i, end - i + 1);
            if (tag.starts_with("<br") || tag.starts_with("<BR") || tag.starts_with("<p") || tag.starts_with("</p"))
                out += ' ';
            i = end + 1;
        } else {
            out += html[i++];
        }
    }
    return out;
}

void append_entity(std::string& out, std::string_view e)
{
    // e is "&name;" or "&#123;" or "&#x1F;"
    if (e.size() >= 4 && e[1] == '#') {
        char32_t cp = 0;
        const bool hex = e[2] == 'x' || e[2] == 'X';
        for (std::size_t i = hex ? 3 : 2; i + 1 < e.size(); ++i) {
            const char ch = e[i];
            const int d = (ch >= '0' && ch <= '9') ? ch - '0'
                        : (hex && ch >= 'a' && ch <= 'f') ? ch - 'a' + 10
                        : (hex && ch >= 'A' && ch <= 'F') ? ch - 'A' + 10 : -1;
            if (d < 0 || cp > 0x10FFFF) { cp = 0xFFFD; break; }
            cp = cp * (hex ? 16u : 10u) + static_cast<char32_t>(d);
        }
        if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
        append_utf8(out, cp);
        return;
    }
    static constexpr std::pair<std::string_view, char32_t> named[] = {
        {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''},
        {"&nbsp;", 0xA0}, {"&ndash;", 0x2013}, {"&mdash;", 0x2014}, {"&hellip;", 0x2026},
        {"&lsquo;", 0x2018}, {"&rsquo;", 0x2019}, {"&ldquo;", 0x201C}, {"&rdquo;", 0x201D},
        {"&copy;", 0xA9}, {"&shy;", 0xAD}, {"&thinsp;", 0x2009}, {"&ensp;", 0x2002}, {"&emsp;", 0x2003},
    };
    for (const auto& [name, cp] : named)
        if (e == name) { append_utf8(out, cp); return; }
    out += '&'; // an entity we do not know: a symbol, not a word
}

} // namespace lilo
