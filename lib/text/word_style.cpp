#include "text/word_style.hpp"

#include "text/utf8.hpp"

namespace lilo {

std::uint64_t word_style_count(std::string_view text)
{
    std::uint64_t words = 0;
    bool in_word = false;
    std::size_t i = 0;
    while (i < text.size()) {
        const char32_t c = decode_utf8(text, i);
        const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0xA0 || c == 0x3000 ||
                           (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F;
        const bool cjk = (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x3040 && c <= 0x30FF) ||
                         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x2FA1F);
        const bool cjk_punctuation = (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFF0F);
        if (space || cjk_punctuation) { in_word = false; continue; }
        if (cjk) { ++words; in_word = false; continue; }
        if (!in_word) { ++words; in_word = true; }
    }
    return words;
}

} // namespace lilo
