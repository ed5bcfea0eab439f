#include "text/categories.hpp"

namespace lilo {

std::optional<Category> category_from_name(std::string_view name)
{
    if (name == "front-matter") name = "front_matter";
    for (std::size_t i = 0; i < category_count; ++i)
        if (category_names[i] == name) return static_cast<Category>(i);
    return std::nullopt;
}

CountRules CountRules::defaults()
{
    CountRules r;
    for (auto c : {Category::body, Category::headings, Category::footnotes, Category::citations}) r.set(c, true);
    return r;
}

std::uint64_t CategoryCounts::words(const CountRules& rules) const
{
    std::uint64_t n = 0;
    for (std::size_t i = 0; i < category_count; ++i)
        if (rules.counted.test(i)) n += by[i].words;
    return n;
}

std::uint64_t CategoryCounts::cjk(const CountRules& rules) const
{
    std::uint64_t n = 0;
    for (std::size_t i = 0; i < category_count; ++i)
        if (rules.counted.test(i)) n += by[i].cjk;
    return n;
}

std::uint64_t CategoryCounts::left_out(const CountRules& rules) const
{
    std::uint64_t n = 0;
    for (std::size_t i = 0; i < category_count; ++i)
        if (!rules.counted.test(i)) n += by[i].words;
    return n;
}

} // namespace lilo
