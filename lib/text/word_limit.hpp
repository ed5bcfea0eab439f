#pragma once
// Word limits ("1000~10%", "6000-6500", "max:20000", "min:150") and how a
// count is worded against one, the same in `lilo count` and `lilo check`.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace lilo {

struct WordLimit {
    std::uint64_t min = 0;
    std::optional<std::uint64_t> max;

    // "1,214 words, limit 900–1,100 (114 over)", or nullopt when inside.
    std::optional<std::string> describe(std::uint64_t words) const;
    std::string str() const;     // "900–1,100", "at most 20,000", "at least 150"
};

// Parses a limit as given on the command line; nullopt when malformed.
std::optional<WordLimit> parse_word_limit(std::string_view spec);

// How far a document's `declared_words` may lie from its count, as a
// fraction of the count, where its programme does not say (lilo count, and
// every kind's `declared_tolerance`).
inline constexpr double default_declared_tolerance = 0.05;

// |declared − count| ≤ tolerance × count, exactly (the tolerance taken to six
// decimal places, compared in integers).
bool declared_within(std::uint64_t declared, std::uint64_t count, double tolerance = default_declared_tolerance);

// A target with a tolerance: 1000 ± 10% is 900–1,100 (bounds inclusive).
WordLimit limit_around(double target, double tolerance);

// "1,214"
std::string with_commas(std::uint64_t n);
// The inverse, for a count copied from lilo's own output: "1,214" (commas
// between groups of three) or "1214" gives 1214; anything else nothing.
std::optional<std::uint64_t> parse_with_commas(std::string_view text);

} // namespace lilo
