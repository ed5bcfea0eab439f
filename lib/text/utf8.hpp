#pragma once
// UTF-8: validation with the position of the first bad byte, decoding, and
// the small amount of case folding that heading and name matching need.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace lilo {

// Offset of the first byte that makes `text` not UTF-8 text: an invalid or
// truncated sequence, an overlong form, a surrogate, or a NUL byte.
std::optional<std::size_t> find_invalid_utf8(std::string_view text);

// 1-based line number of byte `offset` in `text`.
int line_of_offset(std::string_view text, std::size_t offset);

// The text with every byte that is not part of valid UTF-8 (and every NUL)
// written as \xHH: safe to print and to put into JSON, and still telling
// which bytes were there. Valid text comes back unchanged.
std::string escape_invalid_utf8(std::string_view text);

// Columns the text takes in a terminal: East Asian wide characters (陳大文)
// take two, combining marks none, everything else one. Valid UTF-8 only.
std::size_t terminal_width(std::string_view text);

// The text cut to at most `columns` terminal columns, ending in "…" when it
// is cut, never inside a character. Valid UTF-8 only.
std::string cut_to_width(std::string_view text, std::size_t columns);
// The text with spaces after it to fill `columns` terminal columns (as it is when wider).
std::string pad_to_width(std::string_view text, std::size_t columns);

// Decodes one code point at text[i] (which must be valid UTF-8) and advances i.
inline char32_t decode_utf8(std::string_view text, std::size_t& i)
{
    const auto b0 = static_cast<unsigned char>(text[i]);
    if (b0 < 0x80) { ++i; return b0; }
    auto cont = [&](std::size_t k) -> char32_t {
        return i + k < text.size() ? static_cast<unsigned char>(text[i + k]) & 0x3Fu : 0u;
    };
    if (b0 < 0xE0) { char32_t c = ((b0 & 0x1Fu) << 6) | cont(1); i += 2; return c; }
    if (b0 < 0xF0) { char32_t c = ((b0 & 0x0Fu) << 12) | (cont(1) << 6) | cont(2); i += 3; return c; }
    char32_t c = ((b0 & 0x07u) << 18) | (cont(1) << 12) | (cont(2) << 6) | cont(3);
    i += 4;
    return c;
}

void append_utf8(std::string& out, char32_t c);

// Simple case folding (ASCII, Latin-1, Latin Extended-A, Greek, Cyrillic):
// enough to compare headings and names "ignoring case".
std::string fold_case(std::string_view text);

// Trims ASCII and Unicode white space at both ends and folds internal runs of
// white space to one space.
std::string collapse_space(std::string_view text);

bool iequals(std::string_view a, std::string_view b);

} // namespace lilo
