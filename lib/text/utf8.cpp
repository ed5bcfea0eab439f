#include "text/utf8.hpp"

#include <algorithm>
#include <cstring>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace lilo {

namespace {

// Offset of the first byte in s[i, n) that is not ASCII or is NUL; n if none.
std::size_t skip_ascii(const unsigned char* s, std::size_t i, std::size_t n)
{
#if defined(__SSE2__)
    const __m128i zero = _mm_setzero_si128();
    while (i + 16 <= n) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i));
        const unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(v)) |
                              static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, zero)));
        if (mask != 0) return i + static_cast<std::size_t>(__builtin_ctz(mask));
        i += 16;
    }
#else
    constexpr std::uint64_t high = 0x8080808080808080ull, ones = 0x0101010101010101ull;
    while (i + 8 <= n) {
        std::uint64_t w;
        std::memcpy(&w, s + i, 8);
        if (((w & high) | ((w - ones) & ~w & high)) != 0) break;
        i += 8;
    }
#endif
    while (i < n && s[i] != 0 && s[i] < 0x80) ++i;
    return i;
}

} // namespace

std::size_t terminal_width(std::string_view text)
{
    std::size_t width = 0;
    for (std::size_t i = 0; i < text.size();) {
        const char32_t c = decode_utf8(text, i);
        if ((c >= 0x0300 && c <= 0x036F) || c == 0x200B || c == 0x200D) continue;
        const bool wide = (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF && c != 0x303F) || (c >= 0xAC00 && c <= 0xD7A3) ||
                          (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
                          (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
        width += wide ? 2 : 1;
    }
    return width;
}

std::string cut_to_width(std::string_view text, std::size_t columns)
{
    if (terminal_width(text) <= columns) return std::string(text);
    std::string out;
    std::size_t width = 0;
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t start = i;
        decode_utf8(text, i);
        const std::string_view one = text.substr(start, i - start);
        const std::size_t w = terminal_width(one);
        if (width + w + 1 > columns) break;
        out.append(one);
        width += w;
    }
    return out + "…";
}

std::string pad_to_width(std::string_view text, std::size_t columns)
{
    const std::size_t w = terminal_width(text);
    return std::string(text) + std::string(columns > w ? columns - w : 0, ' ');
}

std::string escape_invalid_utf8(std::string_view text)
{
    std::string out;
    while (auto bad = find_invalid_utf8(text)) {
        out.append(text.substr(0, *bad));
        static constexpr char hex[] = "0123456789ABCDEF";
        const auto b = static_cast<unsigned char>(text[*bad]);
        out += "\\x";
        out += hex[b >> 4];
        out += hex[b & 15];
        text.remove_prefix(*bad + 1);
    }
    out.append(text);
    return out;
}

std::optional<std::size_t> find_invalid_utf8(std::string_view text)
{
    const auto* s = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t n = text.size();
    std::size_t i = 0;
    while ((i = skip_ascii(s, i, n)) < n) {
        const unsigned char c = s[i];
        if (c == 0) return i;
        std::size_t len;
        std::uint32_t min;
        std::uint32_t cp;
        if ((c & 0xE0) == 0xC0) { len = 2; min = 0x80; cp = c & 0x1Fu; }
        else if ((c & 0xF0) == 0xE0) { len = 3; min = 0x800; cp = c & 0x0Fu; }
        else if ((c & 0xF8) == 0xF0) { len = 4; min = 0x10000; cp = c & 0x07u; }
        else return i;
        if (i + len > n) return i;
        for (std::size_t k = 1; k < len; ++k) {
            if ((s[i + k] & 0xC0) != 0x80) return i;
            cp = (cp << 6) | (s[i + k] & 0x3Fu);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
        i += len;
    }
    return std::nullopt;
}

int line_of_offset(std::string_view text, std::size_t offset)
{
    offset = std::min(offset, text.size());
    return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

void append_utf8(std::string& out, char32_t c)
{
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

namespace {

char32_t fold(char32_t c)
{
    if (c < 0x80) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
    if ((c >= 0xC0 && c <= 0xDE && c != 0xD7)) return c + 32;
    if (c >= 0x100 && c <= 0x17F) {
        // Latin Extended-A alternates upper/lower, with a few exceptions.
        if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E)) return (c % 2 == 1) ? c + 1 : c;
        if (c == 0x130 || c == 0x131 || c == 0x138 || c == 0x149 || c == 0x17F) return c;
        return (c % 2 == 0) ? c + 1 : c;
    }
    if (c >= 0x391 && c <= 0x3AB && c != 0x3A2) return c + 32;
    if (c >= 0x410 && c <= 0x42F) return c + 32;
    if (c >= 0x400 && c <= 0x40F) return c + 80;
    if (c >= 0xFF21 && c <= 0xFF3A) return c + 32; // full-width Latin
    return c;
}

bool is_space(char32_t c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0xA0 ||
           c == 0x3000 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 ||
           c == 0x2029 || c == 0x202F || c == 0x205F || c == 0xFEFF;
}

} // namespace

std::string fold_case(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) append_utf8(out, fold(decode_utf8(text, i)));
    return out;
}

std::string collapse_space(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    bool pending = false;
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t start = i;
        const char32_t c = decode_utf8(text, i);
        if (is_space(c)) { pending = !out.empty(); continue; }
        if (pending) out += ' ';
        pending = false;
        out.append(text.substr(start, i - start));
    }
    return out;
}

bool iequals(std::string_view a, std::string_view b)
{
    return fold_case(a) == fold_case(b);
}

} // namespace lilo
