#include "markdown/inline_scan.hpp"

#include <array>
#include <cctype>
#include <string>
#include <vector>

namespace lilo {
namespace {

bool key_start_char(unsigned char c) { return c == '_' || c >= 0x80 || std::isalnum(c) != 0; }

bool key_internal_punct(char c)
{
    switch (c) {
    case ':': case '.': case '#': case '$': case '%': case '&': case '-':
    case '+': case '?': case '<': case '>': case '~': case '/':
        return true;
    default:
        return false;
    }
}

bool word_byte(unsigned char c) { return c >= 0x80 || std::isalnum(c) != 0; }

// Index of the ']' that closes the '[' at text[open], or npos.
std::size_t matching_bracket(std::string_view text, std::size_t open)
{
    int depth = 0;
    for (std::size_t i = open; i < text.size(); ++i) {
        if (text[i] == '[') ++depth;
        else if (text[i] == ']' && --depth == 0) return i;
    }
    return std::string_view::npos;
}

struct Item {
    std::size_t key_pos;   // offset of the key (after '@')
    std::size_t key_len;
    TokenCount words;
};

// Parses "see @a, p. 4; also @b" (the inside of a bracketed citation).
bool parse_group(std::string_view inner, std::size_t base, CjkMode mode, std::vector<Item>& items)
{
    std::size_t start = 0;
    while (start <= inner.size()) {
        std::size_t end = inner.find(';', start);
        if (end == std::string_view::npos) end = inner.size();
        const std::string_view part = inner.substr(start, end - start);
        // The key: the first '@' not preceded by a word character.
        std::size_t at = std::string_view::npos;
        std::size_t len = 0;
        for (std::size_t i = 0; i < part.size(); ++i) {
            if (part[i] != '@') continue;
            if (i > 0 && word_byte(static_cast<unsigned char>(part[i - 1]))) continue;
            len = citation_key_length(part, i + 1);
            if (len > 0) { at = i; break; }
        }
        if (at == std::string_view::npos) return false;
        std::string_view prefix = part.substr(0, at);
        if (!prefix.empty() && prefix.back() == '-') prefix.remove_suffix(1); // -@key: author suppressed
        const std::string_view suffix = part.substr(at + 1 + len);
        TokenCount words{2, 0};
        words += count_words(prefix, mode);
        words += count_words(suffix, mode);
        std::size_t key_pos = base + start + at + 1;
        std::size_t key_len = len;
        if (part[at + 1] == '{') { ++key_pos; key_len -= 2; }
        items.push_back({key_pos, key_len, words});
        if (end == inner.size()) break;
        start = end + 1;
    }
    return !items.empty();
}

bool space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Index of the last '$' of the math span opening at text[i], or npos.
std::size_t math_end(std::string_view text, std::size_t i)
{
    if (text.compare(i, 2, "$$") == 0) {
        const std::size_t close = text.find("$$", i + 2);
        return close == std::string_view::npos || close == i + 2 ? std::string_view::npos : close + 1;
    }
    if (i + 1 >= text.size() || space(text[i + 1])) return std::string_view::npos;
    for (std::size_t k = i + 1; k < text.size(); ++k) {
        if (text[k] == '\\') { ++k; continue; }
        if (text[k] == '\n' && k + 1 < text.size() && text[k + 1] == '\n') return std::string_view::npos;
        if (text[k] != '$' || k == i + 1) continue;
        if (space(text[k - 1])) continue;
        if (k + 1 < text.size() && text[k + 1] >= '0' && text[k + 1] <= '9') continue;
        return k;
    }
    return std::string_view::npos;
}

} // namespace

std::size_t citation_key_length(std::string_view text, std::size_t i)
{
    if (i >= text.size()) return 0;
    if (text[i] == '{') { // @{key with anything}
        const std::size_t close = text.find('}', i + 1);
        return close == std::string_view::npos || close == i + 1 ? 0 : close - i + 1;
    }
    if (!key_start_char(static_cast<unsigned char>(text[i]))) return 0;
    std::size_t k = i + 1;
    while (k < text.size()) {
        const auto c = static_cast<unsigned char>(text[k]);
        if (key_start_char(c)) { ++k; continue; }
        if (key_internal_punct(text[k]) && k + 1 < text.size() &&
            key_start_char(static_cast<unsigned char>(text[k + 1]))) {
            k += 2;
            continue;
        }
        break;
    }
    return k - i;
}

void scan_inline(std::string_view text, CjkMode mode, const InlineEvents& ev)
{
    // Most blocks hold none of the characters that start a construct.
    static constexpr auto special = [] {
        std::array<bool, 256> t{};
        t['['] = t['@'] = t['^'] = t['$'] = true;
        return t;
    }();
    auto skip_plain = [&](std::size_t from) {
        while (from < text.size() && !special[static_cast<unsigned char>(text[from])]) ++from;
        return from;
    };
    if (skip_plain(0) == text.size()) {
        if (!text.empty()) ev.text(text, 0);
        return;
    }
    std::size_t seg = 0;
    std::size_t i = 0;
    const std::size_t n = text.size();
    auto flush = [&](std::size_t upto) {
        if (upto > seg) ev.text(text.substr(seg, upto - seg), seg);
    };
    std::vector<Item> items;
    while ((i = skip_plain(i)) < n) {
        const char c = text[i];
        if (c == '[') {
            const std::size_t close = matching_bracket(text, i);
            if (close == std::string_view::npos) { ++i; continue; }
            if (i + 1 < n && text[i + 1] == '^') {
                const std::string_view label = text.substr(i + 2, close - i - 2);
                if (!label.empty() && label.find_first_of(" \t\n") == std::string_view::npos) {
                    flush(i);
                    ev.footnote_ref(label, i);
                    i = seg = close + 1;
                    continue;
                }
            }
            items.clear();
            if (parse_group(text.substr(i + 1, close - i - 1), i + 1, mode, items)) {
                flush(i);
                for (const auto& it : items) ev.citation(text.substr(it.key_pos, it.key_len), it.key_pos, it.words);
                i = seg = close + 1;
                continue;
            }
            ++i;
            continue;
        }
        if (c == '^' && i + 1 < n && text[i + 1] == '[') {
            const std::size_t close = matching_bracket(text, i + 1);
            if (close != std::string_view::npos) {
                flush(i);
                ev.inline_note(text.substr(i + 2, close - i - 2), i + 2);
                i = seg = close + 1;
                continue;
            }
        }
        if (c == '$' && ev.math) {
            const std::size_t end = math_end(text, i);
            if (end != std::string_view::npos) {
                flush(i);
                // `end` is the last '$'; "$$…$$" has two on each side.
                const std::size_t open = text.compare(i, 2, "$$") == 0 ? 2 : 1;
                ev.math(text.substr(i + open, end + 1 - open - (i + open)));
                i = seg = end + 1;
                continue;
            }
        }
        if (c == '@' && (i == 0 || !word_byte(static_cast<unsigned char>(text[i - 1])))) {
            const std::size_t len = citation_key_length(text, i + 1);
            if (len > 0) {
                flush(i);
                std::size_t key_pos = i + 1, key_len = len;
                if (text[key_pos] == '{') { ++key_pos; key_len -= 2; }
                std::size_t end = i + 1 + len;
                TokenCount words{2, 0};
                // "@key [p. 4]": a bracketed locator right after an in-text citation.
                if (end + 1 < n && text[end] == ' ' && text[end + 1] == '[' &&
                    (end + 2 >= n || text[end + 2] != '^')) {
                    const std::size_t close = matching_bracket(text, end + 1);
                    if (close != std::string_view::npos) {
                        const std::string_view loc = text.substr(end + 2, close - end - 2);
                        items.clear();
                        if (!parse_group(loc, 0, mode, items)) {
                            words += count_words(loc, mode);
                            end = close + 1;
                        }
                    }
                }
                ev.citation(text.substr(key_pos, key_len), key_pos, words);
                i = seg = end;
                continue;
            }
        }
        ++i;
    }
    flush(n);
}

} // namespace lilo
