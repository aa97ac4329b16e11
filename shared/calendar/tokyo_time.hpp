#pragma once
// Instants are stored in UTC; business rules run in Asia/Tokyo. Japan has kept UTC+9
// without daylight saving since 1951, so the conversion is fixed arithmetic and never
// depends on the machine's time zone.
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "calendar/civil_date.hpp"

namespace madoguchi::calendar {

struct Instant {
    std::int64_t unix_seconds = 0;  // seconds since 1970-01-01T00:00:00Z
    friend constexpr auto operator<=>(const Instant&, const Instant&) = default;
};

inline constexpr int tokyo_offset_seconds = 9 * 3600;

struct TokyoDateTime {
    Date date;
    int second_of_day = 0;  // 0..86399
};

TokyoDateTime to_tokyo(Instant instant);
Instant from_tokyo(const Date& date, int second_of_day);
Instant now();

enum class Iso8601Error {
    empty,
    // Not the shape below, or year 0000, hour 24, minute 60, second 60 (no leap seconds).
    malformed,
    // Well-formed digits that name no calendar day: month 13, 2026-02-30.
    impossible_date,
    missing_offset,
    // The UTC instant falls outside 0001-01-01T00:00:00Z..9999-12-31T23:59:59Z.
    out_of_range,
};

struct Iso8601Result {
    std::optional<Instant> instant;
    Iso8601Error error = Iso8601Error::malformed;  // meaningful only when instant is empty
};

// "2026-11-25T10:00:00+09:00", "…Z", optional fraction (truncated), offsets ±HH:MM or ±HHMM.
// An offset is required. A space in place of '+' before the offset is taken as '+',
// because URL query decoding turns an unescaped '+' into a space. Lowercase 't' and 'z'
// are accepted as RFC 3339 allows; a space in place of 'T' is not.
Iso8601Result parse_iso8601(std::string_view text);
std::string format_iso8601_utc(Instant instant);    // 2026-11-25T01:00:00Z
std::string format_iso8601_tokyo(Instant instant);  // 2026-11-25T10:00:00+09:00

// 和暦: "令和8年11月25日" (元年 for the first year), from 明治6年 (1873) on.
std::string format_wareki(const Date& date);
// The date of 和暦 era_year/month/day; era is its name (令和) or initial (R, r). Empty for year
// 0, impossible days, and dates outside the era (平成32年 was 令和2年).
std::optional<Date> date_from_wareki(std::string_view era, int era_year, int month, int day);

}  // namespace madoguchi::calendar
