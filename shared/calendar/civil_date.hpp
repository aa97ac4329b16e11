#pragma once
// Civil (proleptic Gregorian) dates: the unit every business rule reasons in.
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace madoguchi::calendar {

struct Date {
    int year = 1970;
    int month = 1;  // 1..12
    int day = 1;    // 1..31
    friend constexpr auto operator<=>(const Date&, const Date&) = default;
};

enum class Weekday { sunday = 0, monday, tuesday, wednesday, thursday, friday, saturday };

bool is_leap_year(int year);
int days_in_month(int year, int month);
bool is_valid(const Date& date);

// Days since 1970-01-01 (negative before it).
std::int64_t days_from_civil(const Date& date);
Date civil_from_days(std::int64_t days);
Date add_days(const Date& date, std::int64_t days);
Weekday weekday_of(const Date& date);

// The n-th (1-based) given weekday of a month, e.g. the second Monday of January.
Date nth_weekday(int year, int month, Weekday weekday, int n);

// Strict "YYYY-MM-DD" for years 0001-9999; rejects impossible dates such as 2026-02-30.
std::optional<Date> parse_date(std::string_view text);
std::string format_date(const Date& date);

}  // namespace madoguchi::calendar
