#pragma once
// What a word is (spec §4, "What a word is"): the tokenizer every count uses.
#include <array>
#include <cstdint>
#include <string_view>

namespace lilo {

enum class CjkMode : std::uint8_t {
    characters, // each Han, Hiragana or Katakana character is one word (default)
    none,       // no special treatment: CJK text counts by white space, as wc -w does
};

struct TokenCount {
    std::uint64_t words = 0;
    std::uint64_t cjk = 0; // of `words`, how many are single CJK characters
    TokenCount& operator+=(const TokenCount& o) { words += o.words; cjk += o.cjk; return *this; }
    friend bool operator==(const TokenCount&, const TokenCount&) = default;
};

// Counts the words of rendered text (Markdown syntax already removed). The
// byte 0x01 acts as a separator, so callers can splice out constructs.
TokenCount count_words(std::string_view text, CjkMode mode = CjkMode::characters);

// A streaming counter for text that arrives in pieces: a word may span
// several pieces (`un*believ*able` arrives as "un", "believ", "able").
class WordStream {
public:
    explicit WordStream(CjkMode mode = CjkMode::characters) : m_mode(mode) {}
    void feed(std::string_view piece);
    void separate();                 // a boundary between pieces (a code span, an image)
    TokenCount finish();             // closes the current word; returns the count so far and resets
private:
    CjkMode m_mode;
    TokenCount m_count;
    bool m_in_run = false;
    bool m_run_has_alnum = false;
    bool m_last_digit = false;
    // A dash run ("--") or en dash at the end of a piece waits for the next
    // piece's first character to know whether it joins two digits.
    int m_pending_dash = 0;          // 0 none, 2 "--", 1 en dash U+2013
    int m_pending_dots = 0;          // dots at the end of a piece: "..." spans pieces rarely but may
    void end_run();
    void settle_pending(bool next_is_digit);
};

} // namespace lilo
