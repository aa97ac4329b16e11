#include "calendar/tokyo_time.hpp"

#include <chrono>
#include <string>

#include "calendar_test_support.hpp"

using namespace madoguchi::calendar;

namespace {

// 2026-11-25T01:00:00Z, 10:00 in Tokyo.
constexpr Instant wednesday_ten_tokyo{1795568400};

Iso8601Error error_of(std::string_view text) {
    const auto result = parse_iso8601(text);
    REQUIRE_FALSE(result.instant);
    return result.error;
}

Instant parsed(std::string_view text) {
    const auto result = parse_iso8601(text);
    INFO(text);
    REQUIRE(result.instant);
    return *result.instant;
}

}  // namespace

TEST_CASE("calendar: Tokyo is UTC+9 by arithmetic", "[calendar][tokyo_time]") {
    const auto epoch = to_tokyo(Instant{0});
    CHECK(epoch.date == Date{1970, 1, 1});
    CHECK(epoch.second_of_day == 9 * 3600);

    const auto before_epoch = to_tokyo(Instant{-9 * 3600 - 1});
    CHECK(before_epoch.date == Date{1969, 12, 31});
    CHECK(before_epoch.second_of_day == 86399);

    const auto ten = to_tokyo(wednesday_ten_tokyo);
    CHECK(ten.date == Date{2026, 11, 25});
    CHECK(ten.second_of_day == 10 * 3600);

    // 15:00 UTC is already the next day in Tokyo.
    const auto midnight = to_tokyo(Instant{wednesday_ten_tokyo.unix_seconds + 14 * 3600});
    CHECK(midnight.date == Date{2026, 11, 26});
    CHECK(midnight.second_of_day == 0);
}

TEST_CASE("calendar: from_tokyo inverts to_tokyo", "[calendar][tokyo_time]") {
    CHECK(from_tokyo(Date{2026, 11, 25}, 10 * 3600) == wednesday_ten_tokyo);
    CHECK(from_tokyo(Date{1970, 1, 1}, 9 * 3600) == Instant{0});
    for (const std::int64_t seconds : {-473126400LL, -1LL, 0LL, 1795568400LL, 4102412399LL}) {
        const auto local = to_tokyo(Instant{seconds});
        CHECK(from_tokyo(local.date, local.second_of_day) == Instant{seconds});
    }
}

TEST_CASE("calendar: now() is the current UTC second", "[calendar][tokyo_time]") {
    const auto before = std::chrono::floor<std::chrono::seconds>(
        std::chrono::system_clock::now().time_since_epoch());
    const auto current = now();
    CHECK(current.unix_seconds >= before.count());
    CHECK(current.unix_seconds <= before.count() + 5);
}

TEST_CASE("calendar: parse_iso8601 accepts Z and numeric offsets", "[calendar][tokyo_time]") {
    CHECK(parsed("2026-11-25T01:00:00Z") == wednesday_ten_tokyo);
    CHECK(parsed("2026-11-25T10:00:00+09:00") == wednesday_ten_tokyo);
    CHECK(parsed("2026-11-25T10:00:00+0900") == wednesday_ten_tokyo);
    CHECK(parsed("2026-11-24T20:00:00-05:00") == wednesday_ten_tokyo);
    CHECK(parsed("2026-11-24T20:00:00-0500") == wednesday_ten_tokyo);
    CHECK(parsed("2026-11-25T06:30:00+05:30") == wednesday_ten_tokyo);
    CHECK(parsed("2026-11-25T01:00:00-00:00") == wednesday_ten_tokyo);
    CHECK(parsed("2026-11-25T01:00:00+00:00") == wednesday_ten_tokyo);
}

TEST_CASE("calendar: parse_iso8601 takes a space before the offset as '+'",
          "[calendar][tokyo_time]") {
    // What "…T10:00:00+09:00" becomes after URL query decoding.
    CHECK(parsed("2026-11-25T10:00:00 09:00") == wednesday_ten_tokyo);
    CHECK(parsed("2026-11-25T10:00:00 0900") == wednesday_ten_tokyo);
}

TEST_CASE("calendar: parse_iso8601 truncates fractions of a second", "[calendar][tokyo_time]") {
    CHECK(parsed("2026-11-25T10:00:00.999+09:00") == wednesday_ten_tokyo);
    CHECK(parsed("2026-11-25T01:00:00.5Z") == wednesday_ten_tokyo);
    CHECK(parsed("2026-11-25T01:00:00.123456789Z") == wednesday_ten_tokyo);
}

TEST_CASE("calendar: parse_iso8601 accepts lowercase t and z as RFC 3339 allows",
          "[calendar][tokyo_time]") {
    CHECK(parsed("2026-11-25t01:00:00z") == wednesday_ten_tokyo);
}

TEST_CASE("calendar: parse_iso8601 reports each kind of error", "[calendar][tokyo_time]") {
    CHECK(error_of("") == Iso8601Error::empty);

    CHECK(error_of("2026-11-25T10:00:00") == Iso8601Error::missing_offset);
    CHECK(error_of("2026-11-25T10:00:00.250") == Iso8601Error::missing_offset);

    CHECK(error_of("2026-02-30T10:00:00+09:00") == Iso8601Error::impossible_date);
    CHECK(error_of("2023-02-29T10:00:00Z") == Iso8601Error::impossible_date);
    CHECK(error_of("2026-13-01T10:00:00Z") == Iso8601Error::impossible_date);
    CHECK(error_of("2026-00-01T10:00:00Z") == Iso8601Error::impossible_date);
    CHECK(error_of("2026-04-31T10:00:00Z") == Iso8601Error::impossible_date);

    CHECK(error_of("0001-01-01T00:00:00+00:01") == Iso8601Error::out_of_range);
    CHECK(error_of("9999-12-31T23:59:59-00:01") == Iso8601Error::out_of_range);

    const char* malformed[] = {
        "2026-11-25",                   // no time
        "2026-11-25T24:00:00Z",         // hour 24
        "2026-11-25T10:60:00Z",         // minute 60
        "2026-11-25T23:59:60Z",         // leap second
        "0000-01-01T00:00:00Z",         // year zero
        "2026-11-25 10:00:00Z",         // space instead of T
        "2026-11-25T10:00Z",            // no seconds
        "2026-11-25T10:00:00.Z",        // empty fraction
        "2026-11-25T10:00:00+9:00",     // one-digit offset hour
        "2026-11-25T10:00:00+09",       // offset without minutes
        "2026-11-25T10:00:00+09:0",     // short offset minutes
        "2026-11-25T10:00:00+24:00",    // offset hour 24
        "2026-11-25T10:00:00+09:60",    // offset minute 60
        "2026-11-25T10:00:00+09-00",    // wrong offset separator
        "2026-11-25T10:00:00Zx",        // trailing text
        "2026-11-25T10:00:00+09:00 ",   // trailing space
        " 2026-11-25T10:00:00Z",        // leading space
        "2026/11/25T10:00:00Z",         // wrong date separator
        "26-11-25T10:00:00Z",           // two-digit year
        "2026-11-25T1a:00:00Z",         // letter in the hour
        "+2026-11-25T10:00:00Z",        // signed year
        "2026-11-25T10:00:00UTC",       // zone name
    };
    for (const char* text : malformed) {
        INFO(text);
        CHECK(error_of(text) == Iso8601Error::malformed);
    }
}

TEST_CASE("calendar: ISO 8601 formatting in UTC and in Tokyo", "[calendar][tokyo_time]") {
    CHECK(format_iso8601_utc(wednesday_ten_tokyo) == "2026-11-25T01:00:00Z");
    CHECK(format_iso8601_tokyo(wednesday_ten_tokyo) == "2026-11-25T10:00:00+09:00");
    CHECK(format_iso8601_utc(Instant{0}) == "1970-01-01T00:00:00Z");
    CHECK(format_iso8601_tokyo(Instant{0}) == "1970-01-01T09:00:00+09:00");
    CHECK(format_iso8601_utc(Instant{-1}) == "1969-12-31T23:59:59Z");
    CHECK(format_iso8601_tokyo(Instant{1795568400 + 14 * 3600 + 59}) ==
          "2026-11-26T00:00:59+09:00");
}

TEST_CASE("calendar: ISO 8601 formatting and parsing round-trip", "[calendar][tokyo_time]") {
    for (const std::int64_t seconds : {-473126400LL, -1LL, 0LL, 1795568400LL, 4102412399LL}) {
        const Instant instant{seconds};
        CHECK(parsed(format_iso8601_utc(instant)) == instant);
        CHECK(parsed(format_iso8601_tokyo(instant)) == instant);
    }
    // The first and last instants of years 0001-9999, in UTC.
    CHECK(format_iso8601_utc(parsed("0001-01-01T00:00:00Z")) == "0001-01-01T00:00:00Z");
    CHECK(format_iso8601_utc(parsed("9999-12-31T23:59:59Z")) == "9999-12-31T23:59:59Z");
    CHECK(format_iso8601_utc(parsed("1000-01-01T08:59:59+09:00")) == "0999-12-31T23:59:59Z");
    CHECK(format_iso8601_tokyo(parsed("2026-11-25T10:00:00+09:00")) == "2026-11-25T10:00:00+09:00");
}

TEST_CASE("calendar: 和暦 with 元年 and era boundaries", "[calendar][tokyo_time]") {
    CHECK(format_wareki(Date{2026, 11, 25}) == "令和8年11月25日");
    CHECK(format_wareki(Date{2019, 5, 1}) == "令和元年5月1日");
    CHECK(format_wareki(Date{2019, 4, 30}) == "平成31年4月30日");
    CHECK(format_wareki(Date{2020, 1, 1}) == "令和2年1月1日");
    CHECK(format_wareki(Date{1989, 1, 8}) == "平成元年1月8日");
    CHECK(format_wareki(Date{1989, 1, 7}) == "昭和64年1月7日");
    CHECK(format_wareki(Date{1926, 12, 25}) == "昭和元年12月25日");
    CHECK(format_wareki(Date{1926, 12, 24}) == "大正15年12月24日");
    CHECK(format_wareki(Date{1912, 7, 30}) == "大正元年7月30日");
    CHECK(format_wareki(Date{1912, 7, 29}) == "明治45年7月29日");
    CHECK(format_wareki(Date{1873, 1, 1}) == "明治6年1月1日");
    CHECK(format_wareki(Date{1872, 12, 31}) == "1872-12-31");
    CHECK(format_wareki(Date{2099, 12, 31}) == "令和81年12月31日");
}

TEST_CASE("和暦 dates read back by era name or initial, only inside their era", "[calendar][wareki]") {
    CHECK(date_from_wareki("令和", 8, 11, 25) == Date{2026, 11, 25});
    CHECK(date_from_wareki("R", 8, 11, 25) == Date{2026, 11, 25});
    CHECK(date_from_wareki("r", 1, 5, 1) == Date{2019, 5, 1});
    CHECK(date_from_wareki("平成", 31, 4, 30) == Date{2019, 4, 30});
    CHECK(date_from_wareki("S", 64, 1, 7) == Date{1989, 1, 7});
    CHECK(date_from_wareki("明治", 6, 1, 1) == Date{1873, 1, 1});
    CHECK_FALSE(date_from_wareki("令和", 0, 5, 1));
    CHECK_FALSE(date_from_wareki("令和", 1, 4, 30));   // still 平成
    CHECK_FALSE(date_from_wareki("平成", 31, 5, 1));   // already 令和
    CHECK_FALSE(date_from_wareki("昭和", 64, 1, 8));
    CHECK_FALSE(date_from_wareki("明治", 5, 12, 31));  // before the Gregorian calendar
    CHECK_FALSE(date_from_wareki("令和", 8, 2, 30));
    CHECK_FALSE(date_from_wareki("X", 8, 11, 25));
    CHECK_FALSE(date_from_wareki("令", 8, 11, 25));
    for (const Date date : {Date{2026, 11, 25}, Date{2019, 5, 1}, Date{1989, 1, 7}, Date{1912, 7, 30}}) {
        const auto text = format_wareki(date);
        const auto era = text.substr(0, 6);  // two kanji, three bytes each
        const auto after = text.substr(6);
        const int year = after.rfind("元", 0) == 0 ? 1 : std::stoi(after);
        CHECK(date_from_wareki(era, year, date.month, date.day) == date);
    }
}
