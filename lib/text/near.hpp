#pragma once
// Names as people type them: one key under which a heading, a model or a
// criterion's title matches however it was typed (case, spacing, Word's
// curly quotes), and the closest of several names for a "did you mean".
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace lilo {

// The text folded for matching: case folded, white space collapsed, and the
// typographic quotes Word writes (’ ‘ ‛ ′ and “ ” „ ″) made straight (' and ").
// "One’s  Own" and "one's own" give the same key.
std::string match_key(std::string_view text);

// Levenshtein distance counted in code points (valid UTF-8).
std::size_t edit_distance(std::string_view a, std::string_view b);

// The closest of `names` to `word`, if it is close enough to be a typo
// (at most a third of its length, at least one edit), or a longer name that
// starts with it; else "". Names are compared as given: pass match_key()s to
// ignore case and quotes.
std::string closest(std::string_view word, const std::vector<std::string>& names);

} // namespace lilo
