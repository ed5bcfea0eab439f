#include "text/near.hpp"

#include <algorithm>

#include "text/utf8.hpp"

namespace lilo {

namespace {

std::u32string code_points(std::string_view text)
{
    std::u32string out;
    for (std::size_t i = 0; i < text.size();) out += decode_utf8(text, i);
    return out;
}

} // namespace

std::string match_key(std::string_view text)
{
    std::string straight;
    straight.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const char32_t c = decode_utf8(text, i);
        if (c == U'\u2018' || c == U'\u2019' || c == U'\u201B' || c == U'\u2032') straight += '\'';
        else if (c == U'\u201C' || c == U'\u201D' || c == U'\u201E' || c == U'\u2033') straight += '"';
        else append_utf8(straight, c);
    }
    return fold_case(collapse_space(straight));
}

std::size_t edit_distance(std::string_view a8, std::string_view b8)
{
    const std::u32string a = code_points(a8), b = code_points(b8);
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t prev = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t cur = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] == b[j - 1] ? 0 : 1)});
            prev = cur;
        }
    }
    return row[b.size()];
}

std::string closest(std::string_view word, const std::vector<std::string>& names)
{
    std::string best;
    std::size_t best_d = std::max<std::size_t>(3, code_points(word).size() / 3 + 1);
    for (const auto& n : names) {
        const std::size_t d = edit_distance(word, n);
        if (d < best_d || (d == best_d && best.empty() && n.starts_with(word.substr(0, 1)))) {
            best_d = d;
            best = n;
        }
    }
    const std::size_t allowed = std::max<std::size_t>(1, code_points(word).size() / 3);
    return best_d <= allowed || (!best.empty() && !word.empty() && best.starts_with(word)) ? best : "";
}

} // namespace lilo
