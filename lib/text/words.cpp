#include "text/words.hpp"

#include "text/utf8.hpp"

namespace lilo {
namespace {

enum Cls : std::uint8_t { SPACE, ALNUM, DIGIT, HYPHEN, DOT, OTHER };

constexpr std::array<std::uint8_t, 128> make_ascii_table()
{
    std::array<std::uint8_t, 128> t{};
    for (int c = 0; c < 128; ++c) {
        if (c <= 0x20 || c == 0x7F) t[c] = SPACE;
        else if (c >= '0' && c <= '9') t[c] = DIGIT;
        else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) t[c] = ALNUM;
        else if (c == '-') t[c] = HYPHEN;
        else if (c == '.') t[c] = DOT;
        else t[c] = OTHER;
    }
    return t;
}
constexpr auto ascii_class = make_ascii_table();

enum class Kind : std::uint8_t { separator, word_char, digit, cjk, joiner, en_dash };

bool in(char32_t c, char32_t lo, char32_t hi) { return c >= lo && c <= hi; }

// Classifies a non-ASCII code point.
Kind classify(char32_t c)
{
    // The commonest non-ASCII text first: the CJK Unified Ideographs.
    if (c >= 0x4E00 && c <= 0x9FFF) return Kind::cjk;
    // White space and the dashes and ellipsis that separate words.
    if (c == 0x85 || c == 0xA0 || c == 0x1680 || in(c, 0x2000, 0x200B) || c == 0x2028 || c == 0x2029 ||
        c == 0x202F || c == 0x205F || c == 0x3000 || c == 0x2014 || c == 0x2015 || c == 0x2026)
        return Kind::separator;
    if (c == 0x2013) return Kind::en_dash;
    if (c < 0x100) {
        if (c == 0xAA || c == 0xB5 || c == 0xBA) return Kind::word_char;
        if (c == 0xB2 || c == 0xB3 || c == 0xB9) return Kind::digit;
        if (c < 0xC0 || c == 0xD7 || c == 0xF7) return Kind::joiner;
        return Kind::word_char;
    }
    if (in(c, 0x0300, 0x036F)) return Kind::joiner; // combining marks
    if (c < 0x2000) {
        // A few punctuation marks of other scripts.
        if (in(c, 0x055A, 0x055F) || c == 0x0589 || c == 0x05BE || c == 0x05C0 || c == 0x05C3 ||
            in(c, 0x05F3, 0x05F4) || in(c, 0x060C, 0x060D) || in(c, 0x061B, 0x061F) ||
            in(c, 0x066A, 0x066D) || c == 0x06D4 || in(c, 0x0964, 0x0965) || c == 0x0E4F ||
            in(c, 0x0E5A, 0x0E5B) || c == 0x10FB)
            return Kind::joiner;
        return Kind::word_char;
    }
    if (c < 0x3000) {
        if (in(c, 0x2000, 0x206F)) return Kind::joiner;  // general punctuation
        if (in(c, 0x2070, 0x209F)) return Kind::digit;   // super- and subscripts
        if (in(c, 0x2150, 0x218F)) return Kind::word_char; // number forms
        if (in(c, 0x2460, 0x24FF)) return Kind::word_char; // enclosed alphanumerics
        if (in(c, 0x20A0, 0x2BFF)) return Kind::joiner;  // currency, symbols, arrows, dingbats
        if (in(c, 0x2E00, 0x2E7F)) return Kind::joiner;  // supplemental punctuation
        if (in(c, 0x2E80, 0x2FDF)) return Kind::cjk;     // CJK and Kangxi radicals
        if (in(c, 0x2FF0, 0x2FFF)) return Kind::joiner;  // ideographic description
        return Kind::word_char;
    }
    if (c < 0x3100) {
        if (c == 0x3005 || c == 0x3006 || c == 0x3007 || in(c, 0x3021, 0x3029) || in(c, 0x3038, 0x303B))
            return Kind::cjk;
        if (c < 0x3040) return Kind::separator;          // CJK symbols and punctuation
        if (in(c, 0x3099, 0x309C)) return Kind::joiner;  // voicing marks
        if (c == 0x30A0 || c == 0x30FB) return Kind::separator;
        return Kind::cjk;                                // Hiragana, Katakana
    }
    if (in(c, 0x31F0, 0x31FF)) return Kind::cjk;
    if (in(c, 0x3200, 0x33FF)) return Kind::joiner;
    if (in(c, 0x3400, 0x4DBF) || in(c, 0x4E00, 0x9FFF) || in(c, 0xF900, 0xFAFF)) return Kind::cjk;
    if (in(c, 0xE000, 0xF8FF)) return Kind::joiner;      // private use
    if (in(c, 0xFE00, 0xFE0F)) return Kind::joiner;      // variation selectors
    if (in(c, 0xFE10, 0xFE1F) || in(c, 0xFE30, 0xFE6F)) return Kind::separator;
    if (c == 0xFEFF) return Kind::joiner;
    if (in(c, 0xFF00, 0xFFEF)) {
        if (in(c, 0xFF10, 0xFF19)) return Kind::digit;
        if (in(c, 0xFF21, 0xFF3A) || in(c, 0xFF41, 0xFF5A)) return Kind::word_char;
        if (c == 0xFF70 || c == 0xFF9E || c == 0xFF9F) return Kind::joiner;
        if (in(c, 0xFF66, 0xFF9D)) return Kind::cjk;
        if (in(c, 0xFFA0, 0xFFDC)) return Kind::word_char;
        if (c >= 0xFFE0) return Kind::joiner;
        return Kind::separator;                          // full-width punctuation
    }
    if (in(c, 0xFFF0, 0xFFFF)) return Kind::joiner;
    if (in(c, 0x1F000, 0x1FAFF)) return Kind::joiner;    // emoji and pictographs
    if (in(c, 0x20000, 0x3134F)) return Kind::cjk;
    if (in(c, 0xE0000, 0xE007F)) return Kind::joiner;    // tag characters
    return Kind::word_char;
}

bool starts_with_digit(std::string_view text, std::size_t i)
{
    if (i >= text.size()) return false;
    const auto b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) return b >= '0' && b <= '9';
    const char32_t c = decode_utf8(text, i);
    return classify(c) == Kind::digit;
}

} // namespace

void WordStream::end_run()
{
    if (m_in_run && m_run_has_alnum) ++m_count.words;
    m_in_run = m_run_has_alnum = false;
    m_last_digit = false;
}

void WordStream::settle_pending(bool next_is_digit)
{
    if (m_pending_dash != 0) {
        if (m_last_digit && next_is_digit) {
            m_in_run = true; // "10--12", "10–12": one word
            m_last_digit = false;
        } else {
            end_run();
        }
        m_pending_dash = 0;
    }
    if (m_pending_dots != 0) {
        if (m_pending_dots >= 3) end_run();
        else { m_in_run = true; m_last_digit = false; }
        m_pending_dots = 0;
    }
}

void WordStream::separate()
{
    settle_pending(false);
    end_run();
}

TokenCount WordStream::finish()
{
    separate();
    TokenCount out = m_count;
    m_count = {};
    return out;
}

void WordStream::feed(std::string_view text)
{
    const std::size_t n = text.size();
    std::size_t i = 0;
    if ((m_pending_dash != 0 || m_pending_dots != 0) && n > 0) {
        // A run of '-' or '.' may continue across pieces.
        if (m_pending_dash == 2 && text[0] == '-') {
            while (i < n && text[i] == '-') ++i;
            m_pending_dash = 0;
            end_run(); // three or more hyphens: an em dash
        } else if (m_pending_dots != 0 && text[0] == '.') {
            while (i < n && text[i] == '.') { ++i; ++m_pending_dots; }
            if (i == n) return;
            settle_pending(false);
        } else {
            settle_pending(starts_with_digit(text, 0));
        }
    }
    while (i < n) {
        const auto b = static_cast<unsigned char>(text[i]);
        if (b < 0x80) {
            switch (ascii_class[b]) {
            case SPACE:
                end_run();
                ++i;
                while (i < n && static_cast<unsigned char>(text[i]) < 0x80 && ascii_class[static_cast<unsigned char>(text[i])] == SPACE) ++i;
                continue;
            case ALNUM:
            case DIGIT: {
                // The common case: a run of ASCII letters and digits.
                std::uint8_t last = ascii_class[b];
                ++i;
                while (i < n) {
                    const auto c = static_cast<unsigned char>(text[i]);
                    if (c >= 0x80) break;
                    const std::uint8_t k = ascii_class[c];
                    if (k != ALNUM && k != DIGIT) break;
                    last = k;
                    ++i;
                }
                m_in_run = m_run_has_alnum = true;
                m_last_digit = last == DIGIT;
                continue;
            }
            case HYPHEN: {
                std::size_t k = i;
                while (k < n && text[k] == '-') ++k;
                const std::size_t len = k - i;
                if (len == 1) {
                    m_in_run = true;
                    m_last_digit = false;
                } else if (len == 2) {
                    if (k == n) { m_pending_dash = 2; return; }
                    m_pending_dash = 2;
                    settle_pending(starts_with_digit(text, k));
                } else {
                    end_run();
                }
                i = k;
                continue;
            }
            case DOT: {
                std::size_t k = i;
                while (k < n && text[k] == '.') ++k;
                if (k == n) { m_pending_dots = static_cast<int>(k - i); return; }
                if (k - i >= 3) end_run();
                else { m_in_run = true; m_last_digit = false; }
                i = k;
                continue;
            }
            default:
                m_in_run = true;
                m_last_digit = false;
                ++i;
                continue;
            }
        }
        const char32_t c = decode_utf8(text, i);
        Kind kind = classify(c);
        if (kind == Kind::cjk && m_mode == CjkMode::none) kind = Kind::word_char;
        switch (kind) {
        case Kind::separator:
            end_run();
            break;
        case Kind::en_dash:
            if (i == n) { m_pending_dash = 1; return; }
            m_pending_dash = 1;
            settle_pending(starts_with_digit(text, i));
            break;
        case Kind::cjk:
            end_run();
            ++m_count.words;
            ++m_count.cjk;
            break;
        case Kind::word_char:
            m_in_run = m_run_has_alnum = true;
            m_last_digit = false;
            break;
        case Kind::digit:
            m_in_run = m_run_has_alnum = true;
            m_last_digit = true;
            break;
        case Kind::joiner:
            m_in_run = true;
            m_last_digit = false;
            break;
        }
    }
}

TokenCount count_words(std::string_view text, CjkMode mode)
{
    WordStream s(mode);
    s.feed(text);
    return s.finish();
}

} // namespace lilo
