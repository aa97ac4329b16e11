#include "calendar/civil_date.hpp"

#include "calendar/floor_division.hpp"

namespace madoguchi::calendar {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::optional<int> parse_digits(std::string_view text) {
    int value = 0;
    for (const char c : text) {
        if (!is_digit(c)) return std::nullopt;
        value = value * 10 + (c - '0');
    }
    return value;
}

void append_padded(std::string& out, int value, int width) {
    std::string digits = std::to_string(value < 0 ? -value : value);
    if (value < 0) out += '-';
    if (static_cast<int>(digits.size()) < width) out.append(width - digits.size(), '0');
    out += digits;
}

}  // namespace

bool is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
    static constexpr int common_year_lengths[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12) return 0;
    if (month == 2 && is_leap_year(year)) return 29;
    return common_year_lengths[month - 1];
}

bool is_valid(const Date& date) {
    return date.month >= 1 && date.month <= 12 && date.day >= 1 &&
           date.day <= days_in_month(date.year, date.month);
}

// Howard Hinnant's days_from_civil: counts in 400-year eras starting on March 1st so the
// leap day is the last day of each computational year.
std::int64_t days_from_civil(const Date& date) {
    const std::int64_t year = date.year - (date.month <= 2 ? 1 : 0);
    const std::int64_t era = floor_div(year, 400);
    const std::int64_t year_of_era = year - era * 400;
    const std::int64_t month_from_march = (date.month + 9) % 12;
    const std::int64_t day_of_year = (153 * month_from_march + 2) / 5 + date.day - 1;
    const std::int64_t day_of_era =
        year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    return era * 146097 + day_of_era - 719468;
}

Date civil_from_days(std::int64_t days) {
    const std::int64_t shifted = days + 719468;
    const std::int64_t era = floor_div(shifted, 146097);
    const std::int64_t day_of_era = shifted - era * 146097;
    const std::int64_t year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
    const std::int64_t day_of_year =
        day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    const std::int64_t month_from_march = (5 * day_of_year + 2) / 153;
    const int day = static_cast<int>(day_of_year - (153 * month_from_march + 2) / 5 + 1);
    const int month =
        static_cast<int>(month_from_march < 10 ? month_from_march + 3 : month_from_march - 9);
    const int year = static_cast<int>(year_of_era + era * 400 + (month <= 2 ? 1 : 0));
    return Date{year, month, day};
}

Date add_days(const Date& date, std::int64_t days) {
    return civil_from_days(days_from_civil(date) + days);
}

Weekday weekday_of(const Date& date) {
    // 1970-01-01 (day 0) was a Thursday, weekday 4.
    const auto days_since_a_sunday = days_from_civil(date) + 4;
    return static_cast<Weekday>(days_since_a_sunday - floor_div(days_since_a_sunday, 7) * 7);
}

Date nth_weekday(int year, int month, Weekday weekday, int n) {
    const Date first{year, month, 1};
    const int offset = (static_cast<int>(weekday) - static_cast<int>(weekday_of(first)) + 7) % 7;
    return add_days(first, offset + 7 * (n - 1));
}

std::optional<Date> parse_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    const auto year = parse_digits(text.substr(0, 4));
    const auto month = parse_digits(text.substr(5, 2));
    const auto day = parse_digits(text.substr(8, 2));
    if (!year || !month || !day || *year == 0) return std::nullopt;
    const Date date{*year, *month, *day};
    if (!is_valid(date)) return std::nullopt;
    return date;
}

std::string format_date(const Date& date) {
    std::string out;
    out.reserve(10);
    append_padded(out, date.year, 4);
    out += '-';
    append_padded(out, date.month, 2);
    out += '-';
    append_padded(out, date.day, 2);
    return out;
}

}  // namespace madoguchi::calendar
