#include "core/date.hpp"

#include <cstdio>
#include <ctime>

namespace lilo {
namespace {

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m)
{
    static constexpr int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leap(y) ? 29 : d[m - 1];
}

bool digits(std::string_view s)
{
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return !s.empty();
}

int num(std::string_view s)
{
    int v = 0;
    for (char c : s) v = v * 10 + (c - '0');
    return v;
}

} // namespace

std::optional<Date> Date::parse(std::string_view t)
{
    if (t.size() != 10 || t[4] != '-' || t[7] != '-') return std::nullopt;
    if (!digits(t.substr(0, 4)) || !digits(t.substr(5, 2)) || !digits(t.substr(8, 2))) return std::nullopt;
    const int y = num(t.substr(0, 4)), m = num(t.substr(5, 2)), d = num(t.substr(8, 2));
    if (m < 1 || m > 12 || d < 1 || d > days_in_month(y, m)) return std::nullopt;
    return Date(y, m, d);
}

// Howard Hinnant's days-from-civil algorithm.
long Date::days() const
{
    const int y = m_m <= 2 ? m_y - 1 : m_y;
    const long era = (y >= 0 ? y : y - 399) / 400;
    const long yoe = y - era * 400;
    const long doy = (153 * (m_m + (m_m > 2 ? -3 : 9)) + 2) / 5 + m_d - 1;
    const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

Date Date::from_days(long z)
{
    z += 719468;
    const long era = (z >= 0 ? z : z - 146096) / 146097;
    const long doe = z - era * 146097;
    const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long y = yoe + era * 400;
    const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const long mp = (5 * doy + 2) / 153;
    const long d = doy - (153 * mp + 2) / 5 + 1;
    const long m = mp < 10 ? mp + 3 : mp - 9;
    return Date(static_cast<int>(m <= 2 ? y + 1 : y), static_cast<int>(m), static_cast<int>(d));
}

Date Date::today()
{
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    localtime_r(&now, &tm);
    return Date(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

std::string Date::str() const
{
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", m_y, m_m, m_d);
    return buf;
}

std::optional<Date> date_prefix(std::string_view text)
{
    if (text.size() < 10) return std::nullopt;
    if (text.size() > 10 && text[10] >= '0' && text[10] <= '9') return std::nullopt;
    return Date::parse(text.substr(0, 10));
}

std::string date_prefix_problem(std::string_view name)
{
    if (date_prefix(name)) return "";
    // Digits, '-', digits, '-', digits at the start: a date meant, if not written right.
    std::size_t i = 0;
    int part[3] = {0, 0, 0};
    std::size_t digits[3] = {0, 0, 0};
    for (int k = 0; k < 3; ++k) {
        if (k > 0) {
            if (i >= name.size() || name[i] != '-') return "";
            ++i;
        }
        while (i < name.size() && name[i] >= '0' && name[i] <= '9' && digits[k] < 5) {
            part[k] = part[k] * 10 + (name[i] - '0');
            ++digits[k];
            ++i;
        }
        if (digits[k] == 0) return "";
    }
    if (i < name.size() && name[i] >= '0' && name[i] <= '9') return "";
    const std::string written(name.substr(0, i));
    if (digits[0] == 4 && digits[1] == 2 && digits[2] == 2)
        return "the date in the name, " + written + ", is not a real date";
    // Year first (2026-5-20), or day first as many write it (20-05-2026).
    const bool year_first = digits[0] == 4 && digits[1] <= 2 && digits[2] <= 2;
    const bool year_last = digits[2] == 4 && digits[0] <= 2 && digits[1] <= 2;
    if (!year_first && !year_last) return "";
    char buf[32];
    if (year_first) std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", part[0], part[1], part[2]);
    else std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", part[2], part[1], part[0]);
    if (Date::parse(buf)) return "the name starts with " + written + ", not YYYY-MM-DD; write " + buf;
    return "the name starts with " + written + ", which is not a real date in the form YYYY-MM-DD";
}

std::optional<Date> find_date(std::string_view text)
{
    for (std::size_t i = 0; i + 10 <= text.size(); ++i) {
        if (i > 0 && text[i - 1] >= '0' && text[i - 1] <= '9') continue;
        if (i + 10 < text.size() && text[i + 10] >= '0' && text[i + 10] <= '9') continue;
        if (auto d = Date::parse(text.substr(i, 10))) return d;
    }
    return std::nullopt;
}

} // namespace lilo
