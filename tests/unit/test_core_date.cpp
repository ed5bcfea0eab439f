#include <doctest/doctest.h>

#include "core/date.hpp"

using namespace lilo;

TEST_CASE("only real dates parse")
{
    CHECK(Date::parse("2026-02-28"));
    CHECK_FALSE(Date::parse("2026-02-29"));
    CHECK(Date::parse("2028-02-29"));
    CHECK_FALSE(Date::parse("2026-02-30"));
    CHECK_FALSE(Date::parse("2026-13-01"));
    CHECK_FALSE(Date::parse("2026-1-01"));
    CHECK_FALSE(Date::parse("26-01-01"));
}

TEST_CASE("day arithmetic is the difference of two dates")
{
    CHECK(*Date::parse("2026-02-01") - *Date::parse("2026-01-01") == 31);
    CHECK(*Date::parse("2027-01-01") - *Date::parse("2026-01-01") == 365);
    CHECK(Date::from_days(Date::parse("2026-11-22")->days()).str() == "2026-11-22");
    CHECK(*Date::parse("2026-01-02") > *Date::parse("2026-01-01"));
}

TEST_CASE("dates in names and text")
{
    CHECK(date_prefix("2026-03-04-meeting.md")->str() == "2026-03-04");
    CHECK_FALSE(date_prefix("meeting-2026-03-04.md"));
    CHECK_FALSE(date_prefix("2026-03-041.md"));
    CHECK(find_date("by 2026-10-16, and report")->str() == "2026-10-16");
    CHECK_FALSE(find_date("by 2026-02-30 at the latest"));
    CHECK_FALSE(find_date("call 12026-10-160"));
}
