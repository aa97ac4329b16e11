#include "calendar/civil_date.hpp"

#include "calendar_test_support.hpp"

using namespace madoguchi::calendar;

TEST_CASE("calendar: leap years follow the Gregorian 4/100/400 rule", "[calendar][civil_date]") {
    CHECK(is_leap_year(2024));
    CHECK(is_leap_year(2000));
    CHECK_FALSE(is_leap_year(1900));
    CHECK_FALSE(is_leap_year(2100));
    CHECK_FALSE(is_leap_year(2026));
}

TEST_CASE("calendar: month lengths", "[calendar][civil_date]") {
    CHECK(days_in_month(2024, 2) == 29);
    CHECK(days_in_month(2026, 2) == 28);
    CHECK(days_in_month(2026, 4) == 30);
    CHECK(days_in_month(2026, 12) == 31);
    CHECK(days_in_month(2026, 13) == 0);
    CHECK(days_in_month(2026, 0) == 0);
}

TEST_CASE("calendar: date validity", "[calendar][civil_date]") {
    CHECK(is_valid(Date{2024, 2, 29}));
    CHECK_FALSE(is_valid(Date{2023, 2, 29}));
    CHECK_FALSE(is_valid(Date{2026, 2, 30}));
    CHECK_FALSE(is_valid(Date{2026, 4, 31}));
    CHECK_FALSE(is_valid(Date{2026, 0, 1}));
    CHECK_FALSE(is_valid(Date{2026, 1, 0}));
}

TEST_CASE("calendar: day numbers count from 1970-01-01", "[calendar][civil_date]") {
    CHECK(days_from_civil(Date{1970, 1, 1}) == 0);
    CHECK(days_from_civil(Date{1969, 12, 31}) == -1);
    CHECK(days_from_civil(Date{2000, 3, 1}) == 11017);
    CHECK(days_from_civil(Date{2026, 11, 25}) == 20782);
    CHECK(days_from_civil(Date{1955, 1, 1}) == -5479);
    CHECK(days_from_civil(Date{1, 1, 1}) == -719162);

    CHECK(civil_from_days(20782) == Date{2026, 11, 25});
    CHECK(civil_from_days(-1) == Date{1969, 12, 31});
    CHECK(civil_from_days(-719162) == Date{1, 1, 1});
}

namespace {

Date next_calendar_day(const Date& date) {
    if (date.day < days_in_month(date.year, date.month)) {
        return {date.year, date.month, date.day + 1};
    }
    if (date.month < 12) return {date.year, date.month + 1, 1};
    return {date.year + 1, 1, 1};
}

}  // namespace

TEST_CASE("calendar: every day of the supported range round-trips through its day number",
          "[calendar][civil_date]") {
    Date expected{1955, 1, 1};
    for (std::int64_t day = -5479; day <= days_from_civil(Date{2099, 12, 31}); ++day) {
        const Date date = civil_from_days(day);
        REQUIRE(date == expected);
        REQUIRE(days_from_civil(date) == day);
        expected = next_calendar_day(expected);
    }
}

TEST_CASE("calendar: adding days crosses months, leap days and years", "[calendar][civil_date]") {
    CHECK(add_days(Date{2024, 2, 28}, 1) == Date{2024, 2, 29});
    CHECK(add_days(Date{2026, 2, 28}, 1) == Date{2026, 3, 1});
    CHECK(add_days(Date{2026, 12, 31}, 1) == Date{2027, 1, 1});
    CHECK(add_days(Date{2026, 1, 1}, -1) == Date{2025, 12, 31});
    CHECK(add_days(Date{2026, 11, 25}, 0) == Date{2026, 11, 25});
}

TEST_CASE("calendar: weekdays", "[calendar][civil_date]") {
    CHECK(weekday_of(Date{1970, 1, 1}) == Weekday::thursday);
    CHECK(weekday_of(Date{1969, 12, 31}) == Weekday::wednesday);
    CHECK(weekday_of(Date{1955, 1, 1}) == Weekday::saturday);
    CHECK(weekday_of(Date{2000, 2, 29}) == Weekday::tuesday);
    CHECK(weekday_of(Date{2026, 11, 25}) == Weekday::wednesday);
    CHECK(weekday_of(Date{2099, 12, 31}) == Weekday::thursday);
}

TEST_CASE("calendar: n-th weekday of a month", "[calendar][civil_date]") {
    CHECK(nth_weekday(2026, 1, Weekday::monday, 2) == Date{2026, 1, 12});
    CHECK(nth_weekday(2026, 9, Weekday::monday, 3) == Date{2026, 9, 21});
    CHECK(nth_weekday(2026, 10, Weekday::monday, 2) == Date{2026, 10, 12});
    // A month that starts on the weekday asked for.
    CHECK(nth_weekday(2024, 1, Weekday::monday, 1) == Date{2024, 1, 1});
    CHECK(nth_weekday(2024, 1, Weekday::monday, 2) == Date{2024, 1, 8});
    CHECK(nth_weekday(2026, 11, Weekday::sunday, 1) == Date{2026, 11, 1});
}

TEST_CASE("calendar: parse_date accepts only strict YYYY-MM-DD", "[calendar][civil_date]") {
    CHECK(parse_date("2026-11-25") == Date{2026, 11, 25});
    CHECK(parse_date("2024-02-29") == Date{2024, 2, 29});
    CHECK(parse_date("0001-01-01") == Date{1, 1, 1});
    CHECK(parse_date("9999-12-31") == Date{9999, 12, 31});

    CHECK_FALSE(parse_date(""));
    CHECK_FALSE(parse_date("2026-02-30"));
    CHECK_FALSE(parse_date("2023-02-29"));
    CHECK_FALSE(parse_date("2026-13-01"));
    CHECK_FALSE(parse_date("2026-00-10"));
    CHECK_FALSE(parse_date("2026-01-00"));
    CHECK_FALSE(parse_date("0000-01-01"));
    CHECK_FALSE(parse_date("2026-1-05"));
    CHECK_FALSE(parse_date("2026/01/05"));
    CHECK_FALSE(parse_date("20260105"));
    CHECK_FALSE(parse_date("2026-01-05 "));
    CHECK_FALSE(parse_date(" 2026-01-05"));
    CHECK_FALSE(parse_date("+026-01-05"));
    CHECK_FALSE(parse_date("2026-01-0x"));
    CHECK_FALSE(parse_date("2026-01-05T00:00:00Z"));
}

TEST_CASE("calendar: format_date pads to YYYY-MM-DD", "[calendar][civil_date]") {
    CHECK(format_date(Date{2026, 11, 25}) == "2026-11-25");
    CHECK(format_date(Date{2027, 1, 4}) == "2027-01-04");
    CHECK(format_date(Date{987, 6, 5}) == "0987-06-05");
    CHECK(parse_date(format_date(Date{1955, 1, 1})) == Date{1955, 1, 1});
}
