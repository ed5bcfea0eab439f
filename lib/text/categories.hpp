#pragma once
// Where each word of a Markdown file falls (spec §4), and which of those
// places count towards a limit.
#include <array>
#include <bitset>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "text/words.hpp"

namespace lilo {

enum class Category : std::uint8_t {
    body, headings, footnotes, citations,                       // counted by default
    front_matter, tables, captions, code, math, html, references, appendices, // left out by default
};
inline constexpr std::size_t category_count = 12;

inline constexpr std::array<std::string_view, category_count> category_names = {
    "body", "headings", "footnotes", "citations", "front_matter", "tables",
    "captions", "code", "math", "html", "references", "appendices"};

inline std::string_view name_of(Category c) { return category_names[static_cast<std::size_t>(c)]; }
std::optional<Category> category_from_name(std::string_view name);

// Which categories count, and how CJK text is split.
struct CountRules {
    std::bitset<category_count> counted;
    CjkMode cjk = CjkMode::characters;

    static CountRules defaults();
    bool counts(Category c) const { return counted.test(static_cast<std::size_t>(c)); }
    void set(Category c, bool on) { counted.set(static_cast<std::size_t>(c), on); }
    friend bool operator==(const CountRules&, const CountRules&) = default;
};

struct CategoryCounts {
    std::array<TokenCount, category_count> by{};

    void add(Category c, TokenCount t) { by[static_cast<std::size_t>(c)] += t; }
    const TokenCount& operator[](Category c) const { return by[static_cast<std::size_t>(c)]; }
    CategoryCounts& operator+=(const CategoryCounts& o)
    {
        for (std::size_t i = 0; i < category_count; ++i) by[i] += o.by[i];
        return *this;
    }
    std::uint64_t words(const CountRules& rules) const;
    std::uint64_t cjk(const CountRules& rules) const;
    std::uint64_t left_out(const CountRules& rules) const;
};

} // namespace lilo
