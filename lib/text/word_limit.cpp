#include "text/word_limit.hpp"

#include <charconv>
#include <cmath>

namespace lilo {

std::string with_commas(std::uint64_t n)
{
    std::string s = std::to_string(n);
    for (int i = static_cast<int>(s.size()) - 3; i > 0; i -= 3) s.insert(static_cast<std::size_t>(i), ",");
    return s;
}

std::string WordLimit::str() const
{
    if (!max) return "at least " + with_commas(min);
    if (min == 0) return "at most " + with_commas(*max);
    return with_commas(min) + "\u2013" + with_commas(*max);
}

std::optional<std::string> WordLimit::describe(std::uint64_t words) const
{
    const std::string base = with_commas(words) + " words, limit " + str();
    if (words < min) return base + " (" + with_commas(min - words) + " under)";
    if (max && words > *max) return base + " (" + with_commas(words - *max) + " over)";
    return std::nullopt;
}

WordLimit limit_around(double target, double tolerance)
{
    WordLimit lim;
    lim.min = static_cast<std::uint64_t>(std::ceil(target * (1 - tolerance) - 1e-9));
    lim.max = static_cast<std::uint64_t>(std::floor(target * (1 + tolerance) + 1e-9));
    return lim;
}

namespace {
std::optional<double> number(std::string_view s)
{
    std::string t;
    for (char c : s)
        if (c != ',' && c != '_') t += c;
    if (t.empty()) return std::nullopt;
    double v = 0;
    auto [p, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
    if (ec != std::errc() || p != t.data() + t.size() || v < 0) return std::nullopt;
    return v;
}
} // namespace

std::optional<WordLimit> parse_word_limit(std::string_view spec)
{
    if (spec.starts_with("max:")) {
        auto v = number(spec.substr(4));
        if (!v) return std::nullopt;
        return WordLimit{0, static_cast<std::uint64_t>(*v)};
    }
    if (spec.starts_with("min:")) {
        auto v = number(spec.substr(4));
        if (!v) return std::nullopt;
        return WordLimit{static_cast<std::uint64_t>(*v), std::nullopt};
    }
    if (auto t = spec.find('~'); t != std::string_view::npos) {
        auto target = number(spec.substr(0, t));
        std::string_view tol = spec.substr(t + 1);
        const bool pct = tol.ends_with("%");
        if (pct) tol.remove_suffix(1);
        auto tv = number(tol);
        if (!target || !tv) return std::nullopt;
        return limit_around(*target, pct ? *tv / 100 : *tv);
    }
    if (auto d = spec.find('-'); d != std::string_view::npos && d > 0) {
        auto lo = number(spec.substr(0, d));
        auto hi = number(spec.substr(d + 1));
        if (!lo || !hi || *hi < *lo) return std::nullopt;
        return WordLimit{static_cast<std::uint64_t>(*lo), static_cast<std::uint64_t>(*hi)};
    }
    return std::nullopt;
}

bool declared_within(std::uint64_t declared, std::uint64_t count, double tolerance)
{
    const auto t = static_cast<std::uint64_t>(std::llround(tolerance * 1e6));
    const std::uint64_t diff = declared > count ? declared - count : count - declared;
    return diff * 1000000ull <= t * count;
}

} // namespace lilo

namespace lilo {

std::optional<std::uint64_t> parse_with_commas(std::string_view text)
{
    if (text.empty() || text.size() > 26) return std::nullopt;
    const bool grouped = text.find(',') != std::string_view::npos;
    std::uint64_t n = 0;
    std::size_t since_comma = 0, lead = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == ',') {
            if ((lead == 0 && (i == 0 || i > 3)) || (lead > 0 && since_comma != 3)) return std::nullopt;
            lead = i;
            since_comma = 0;
            continue;
        }
        if (c < '0' || c > '9') return std::nullopt;
        if (n > (UINT64_MAX - 9) / 10) return std::nullopt;
        n = n * 10 + static_cast<std::uint64_t>(c - '0');
        ++since_comma;
    }
    if (grouped && since_comma != 3) return std::nullopt;
    return n;
}

} // namespace lilo
