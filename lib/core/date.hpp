#pragma once
// Calendar dates (ISO 8601 YYYY-MM-DD) and day arithmetic (spec §7).
#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace lilo {

class Date {
public:
    Date() = default;
    // Only a real date parses: 2026-02-30 does not.
    static std::optional<Date> parse(std::string_view text);
    static Date from_days(long days);   // days since 1970-01-01
    static Date today();                // local calendar date

    int year() const { return m_y; }
    int month() const { return m_m; }
    int day() const { return m_d; }
    long days() const;                  // days since 1970-01-01
    std::string str() const;

    friend long operator-(const Date& a, const Date& b) { return a.days() - b.days(); }
    friend auto operator<=>(const Date&, const Date&) = default;

private:
    Date(int y, int m, int d) : m_y(y), m_m(m), m_d(d) {}
    int m_y = 1970, m_m = 1, m_d = 1;
};

// A date at the start of a string: "2026-03-04-meeting.md" gives 2026-03-04.
std::optional<Date> date_prefix(std::string_view text);
// Why a file name that starts like a date gives none: "the date in the
// name, 2026-02-30, is not a real date"; "the name starts with 2026-5-20,
// not YYYY-MM-DD; write 2026-05-20". "" when the name gives a date
// (date_prefix) or does not start like one.
std::string date_prefix_problem(std::string_view name);
// The first ISO date anywhere in text that exists as a date.
std::optional<Date> find_date(std::string_view text);

} // namespace lilo
