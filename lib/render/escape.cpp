#include "render/escape.hpp"

namespace lilo {

std::string escape_markup(std::string_view s, const MarkupEscape& how)
{
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += how.apostrophe; break;
        default:
            if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && !(c == '\r' && how.keep_carriage_return)) out += how.control;
            else out += c;
        }
    }
    return out;
}

std::string markdown_cell(std::string_view s, bool literal)
{
    std::string out;
    for (char c : s) {
        if (c == '|') out += "\\|";
        else if (c == '\n' || c == '\r') out += ' ';
        else if (literal && (c == '*' || c == '_' || c == '`' || c == '[' || c == ']' || c == '<' || c == '@' || c == '\\')) {
            out += '\\';
            out += c;
        } else out += c;
    }
    return out;
}

} // namespace lilo
