#include <catch2/catch.hpp>

#include "ui/format.hpp"

using madoguchi::calendar::Date;
using madoguchi::client::fill_template;
using madoguchi::client::format_display_date;
using madoguchi::client::format_duration;
using madoguchi::i18n::Language;

TEST_CASE("durations read as a person would say them, rounded up to the minute", "[format]") {
    CHECK(format_duration(0, Language::ja) == "0分");
    CHECK(format_duration(1, Language::ja) == "1分");
    CHECK(format_duration(59 * 60, Language::ja) == "59分");
    CHECK(format_duration(2 * 3600 + 15 * 60, Language::ja) == "2時間15分");
    CHECK(format_duration(62 * 3600 + 15 * 60, Language::ja) == "2日14時間15分");
    CHECK(format_duration(62 * 3600 + 15 * 60, Language::en) == "2 d 14 h 15 min");
    CHECK(format_duration(-30, Language::en) == "0 min");
}

TEST_CASE("dates show with their weekday, in ISO form or in 和暦", "[format]") {
    CHECK(format_display_date(Date{2026, 11, 25}, Language::ja, false) == "2026-11-25（水）");
    CHECK(format_display_date(Date{2026, 11, 25}, Language::ja, true) == "令和8年11月25日（水）");
    CHECK(format_display_date(Date{2019, 5, 1}, Language::ja, true) == "令和元年5月1日（水）");
    CHECK(format_display_date(Date{2026, 11, 25}, Language::en, false) == "2026-11-25 (Wed)");
}

TEST_CASE("catalog templates fill every placeholder", "[format]") {
    CHECK(fill_template("{a}-{b}-{a}", {{"a", "x"}, {"b", "yy"}}) == "x-yy-x");
    CHECK(fill_template("{m}分", {{"m", "{m}"}}) == "{m}分");
}
