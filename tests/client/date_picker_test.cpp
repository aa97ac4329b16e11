#include <catch2/catch.hpp>

#include <algorithm>

#include "calendar/tokyo_time.hpp"
#include "ui/date_field_model.hpp"
#include "ui/date_input.hpp"
#include "ui/format.hpp"
#include "ui/month_grid.hpp"

using namespace madoguchi;
using calendar::Date;
using client::DateInputError;
using client::DayKind;
using client::DatePickerModel;

namespace {

const client::DayCell& cell_of(const client::MonthGrid& grid, Date date) {
    const auto found = std::find_if(grid.cells.begin(), grid.cells.end(), [&](const auto& cell) { return cell.date == date; });
    REQUIRE(found != grid.cells.end());
    return *found;
}

client::MonthGrid grid_of(int year, int month) {
    DatePickerModel picker;
    picker.open(Date{year, month, 1}, Date{2026, 11, 25}, {});
    return picker.grid(Date{2026, 11, 25}, std::nullopt);
}

}  // namespace

TEST_CASE("every accepted way of typing a date gives the same day", "[date_input]") {
    const Date expected{2026, 11, 25};
    for (const auto* text : {"2026-11-25", "2026/11/25", "20261125", "令和8年11月25日", "R8.11.25", "R8/11/25", "r8-11-25",
                             "2026年11月25日", "２０２６／１１／２５", "  2026-11-25 ", "2026-11-25（水）",
                             "令和8年11月25日（水）", "2026-11-25 (Wed)"}) {
        INFO(text);
        const auto parsed = client::parse_date_input(text);
        CHECK(parsed.error == DateInputError::none);
        CHECK(parsed.date == expected);
    }
    CHECK(client::parse_date_input("2026/1/5").date == Date{2026, 1, 5});
    CHECK(client::parse_date_input("令和元年5月1日").date == Date{2019, 5, 1});
    CHECK(client::parse_date_input("H31.4.30").date == Date{2019, 4, 30});
    CHECK(client::parse_date_input("平成元年1月8日").date == Date{1989, 1, 8});
}

TEST_CASE("impossible and unreadable dates are refused with the reason", "[date_input]") {
    CHECK(client::parse_date_input("2026-02-30").error == DateInputError::impossible);
    CHECK(client::parse_date_input("20260230").error == DateInputError::impossible);
    CHECK(client::parse_date_input("2026-13-01").error == DateInputError::impossible);
    CHECK(client::parse_date_input("令和0年1月1日").error == DateInputError::impossible);
    CHECK(client::parse_date_input("R0.5.1").error == DateInputError::impossible);
    // 平成 ended on 2019-04-30: the next day was 令和元年5月1日.
    CHECK(client::parse_date_input("平成31年5月1日").error == DateInputError::impossible);
    CHECK(client::parse_date_input("令和元年4月30日").error == DateInputError::impossible);
    CHECK(client::parse_date_input("tomorrow").error == DateInputError::malformed);
    CHECK(client::parse_date_input("26-11-25").error == DateInputError::malformed);
    CHECK(client::parse_date_input("X8.11.25").error == DateInputError::malformed);
    CHECK(client::parse_date_input("2026-11/25").error == DateInputError::malformed);
    CHECK(client::parse_date_input("1900-01-01").error == DateInputError::unsupported);
    const auto blank = client::parse_date_input("   ");
    CHECK_FALSE(blank.date);
    CHECK(blank.error == DateInputError::none);

    const client::DateBounds bounds{Date{2026, 12, 1}, Date{2027, 1, 31}};
    CHECK(client::parse_date_input("2026-11-30", bounds).error == DateInputError::before_minimum);
    CHECK(client::parse_date_input("2027-02-01", bounds).error == DateInputError::after_maximum);
    CHECK(client::parse_date_input("2027-01-31", bounds).date == Date{2027, 1, 31});
    for (const auto error : {DateInputError::malformed, DateInputError::impossible, DateInputError::unsupported,
                             DateInputError::before_minimum, DateInputError::after_maximum}) {
        const auto key = client::date_error_key(error);
        CHECK(i18n::has_key(key));
        CHECK(i18n::text(key, i18n::Language::ja) != i18n::text(key, i18n::Language::en));
    }
}

TEST_CASE("times are typed as 14:30, 1430 or 14時30分", "[date_input]") {
    CHECK(client::parse_time_input("14:30") == 14 * 60 + 30);
    CHECK(client::parse_time_input("9:05") == 9 * 60 + 5);
    CHECK(client::parse_time_input("1430") == 14 * 60 + 30);
    CHECK(client::parse_time_input("１４：３０") == 14 * 60 + 30);
    CHECK(client::parse_time_input("14時30分") == 14 * 60 + 30);
    CHECK(client::parse_time_input("14時") == 14 * 60);
    CHECK_FALSE(client::parse_time_input("24:00"));
    CHECK_FALSE(client::parse_time_input("14:60"));
    CHECK_FALSE(client::parse_time_input("14:3"));
    CHECK_FALSE(client::parse_time_input("noon"));
    CHECK(client::format_time(9 * 60 + 5) == "09:05");
}

TEST_CASE("November 2026 is laid out Sunday first with its holidays and weekends", "[month_grid]") {
    const auto grid = grid_of(2026, 11);
    // 2026-11-01 is a Sunday, so the first week starts on it.
    CHECK(grid.cells.front().date == Date{2026, 11, 1});
    CHECK(grid.cells.front().kind == DayKind::sunday);
    CHECK(grid.cells[6].date == Date{2026, 11, 7});

    const auto& culture = cell_of(grid, Date{2026, 11, 3});
    CHECK(culture.kind == DayKind::holiday);
    CHECK(culture.holiday_ja == "文化の日");
    CHECK(culture.holiday_en == "Culture Day");
    const auto& labour = cell_of(grid, Date{2026, 11, 23});
    CHECK(labour.kind == DayKind::holiday);
    CHECK(labour.holiday_ja == "勤労感謝の日");
    CHECK(client::day_kind_value(labour.kind) == "holiday");
    CHECK_FALSE(labour.business_day);
    CHECK(cell_of(grid, Date{2026, 11, 28}).kind == DayKind::saturday);
    CHECK(client::day_kind_value(DayKind::saturday) == "saturday");
    CHECK(cell_of(grid, Date{2026, 11, 29}).kind == DayKind::sunday);
    const auto& wednesday = cell_of(grid, Date{2026, 11, 25});
    CHECK(wednesday.kind == DayKind::weekday);
    CHECK(wednesday.business_day);
    CHECK(wednesday.today);
    CHECK(client::day_kind_value(wednesday.kind).empty());
    // The trailing days belong to December and are marked as such.
    CHECK_FALSE(cell_of(grid, Date{2026, 12, 1}).in_month);
}

TEST_CASE("the year-end closure 12/29-1/3 is closed even on weekdays", "[month_grid]") {
    const auto december = grid_of(2026, 12);
    for (const int day : {29, 30, 31}) {
        const auto& cell = cell_of(december, Date{2026, 12, day});
        CHECK(cell.kind == DayKind::closed);
        CHECK(client::day_kind_value(cell.kind) == "closed");
        CHECK_FALSE(cell.business_day);
    }
    CHECK(cell_of(december, Date{2026, 12, 28}).business_day);
    const auto january = grid_of(2027, 1);
    CHECK(cell_of(january, Date{2027, 1, 1}).kind == DayKind::holiday);  // 元日 names the day
    for (const int day : {1, 2, 3}) CHECK_FALSE(cell_of(january, Date{2027, 1, day}).business_day);
    CHECK(cell_of(january, Date{2027, 1, 2}).kind == DayKind::closed);
    CHECK(cell_of(january, Date{2027, 1, 4}).business_day);
}

TEST_CASE("the keyboard moves the focused day and picks it, bounds disable days", "[month_grid]") {
    DatePickerModel picker;
    const client::DateBounds bounds{Date{2026, 11, 10}, Date{2026, 12, 20}};
    picker.open(Date{2026, 11, 25}, Date{2026, 11, 1}, bounds);
    using Key = DatePickerModel::Key;
    picker.press(Key::right);
    CHECK(picker.focused() == Date{2026, 11, 26});
    picker.press(Key::down);
    CHECK(picker.focused() == Date{2026, 12, 3});
    picker.press(Key::page_up);
    CHECK(picker.focused() == Date{2026, 11, 3 + 7});  // 11/3 is before the minimum: held at it
    picker.press(Key::up);
    CHECK(picker.focused() == Date{2026, 11, 10});
    CHECK_FALSE(picker.can_move_months(-1));
    CHECK(picker.can_move_months(1));
    CHECK_FALSE(picker.can_move_months(2));

    const auto grid = picker.grid(Date{2026, 11, 1}, std::nullopt);
    CHECK_FALSE(cell_of(grid, Date{2026, 11, 9}).enabled);
    CHECK(cell_of(grid, Date{2026, 11, 10}).enabled);
    CHECK(cell_of(grid, Date{2026, 11, 10}).focused);
    CHECK_FALSE(picker.pick(Date{2026, 11, 9}));
    CHECK(picker.press(Key::enter) == DatePickerModel::Outcome::picked);
    CHECK(picker.picked() == Date{2026, 11, 10});
    CHECK(picker.press(Key::escape) == DatePickerModel::Outcome::closed);

    DatePickerModel unbounded;
    unbounded.open(Date{2026, 1, 31}, Date{2026, 1, 1}, {});
    unbounded.press(Key::page_down);
    CHECK(unbounded.focused() == Date{2026, 2, 28});
    unbounded.press(Key::year_down);
    CHECK(unbounded.focused() == Date{2027, 2, 28});
}

TEST_CASE("a date field shows its value in the user's style and keeps bad input with an error", "[date_field]") {
    client::DateFieldModel field;
    CHECK(field.commit("R8.11.25"));
    CHECK(field.value() == Date{2026, 11, 25});
    CHECK(field.text(i18n::Language::ja, false) == "2026-11-25（水）");
    CHECK(field.text(i18n::Language::ja, true) == "令和8年11月25日（水）");
    CHECK(field.text(i18n::Language::en, false) == "2026-11-25 (Wed)");
    // The shown text reads back as the same date.
    CHECK_FALSE(field.commit(field.text(i18n::Language::ja, true)));
    CHECK(field.error() == DateInputError::none);

    CHECK_FALSE(field.commit("2026-02-30"));
    CHECK(field.error() == DateInputError::impossible);
    CHECK(field.value() == Date{2026, 11, 25});
    CHECK(field.text(i18n::Language::ja, false) == "2026-02-30");
    field.set(Date{2027, 1, 4});
    CHECK(field.error() == DateInputError::none);
    CHECK(field.text(i18n::Language::ja, true) == "令和9年1月4日（月）");
    CHECK(field.commit(""));
    CHECK_FALSE(field.value());
}

TEST_CASE("a date-time field is a Tokyo wall-clock time stored as a UTC instant", "[date_field]") {
    client::DateTimeFieldModel field;
    CHECK_FALSE(field.value());
    field.date().commit("2026-11-25");
    CHECK(calendar::format_iso8601_utc(*field.value()) == "2026-11-25T00:00:00Z");  // 09:00 in Tokyo
    CHECK(field.commit_time("14:30"));
    CHECK(calendar::format_iso8601_utc(*field.value()) == "2026-11-25T05:30:00Z");
    CHECK(field.time_text() == "14:30");
    CHECK_FALSE(field.commit_time("25:00"));
    CHECK(field.time_error());
    CHECK(field.time_text() == "25:00");
    CHECK(calendar::format_iso8601_utc(*field.value()) == "2026-11-25T05:30:00Z");

    field.commit_time("14:32");
    field.step(1);
    CHECK(field.time_text() == "14:35");
    field.step(-1);
    CHECK(field.time_text() == "14:30");
    field.commit_time("00:00");
    field.step(-1);
    CHECK(field.time_text() == "23:55");

    field.set(calendar::parse_iso8601("2026-12-31T15:10:00Z").instant);
    CHECK(field.date().value() == Date{2027, 1, 1});
    CHECK(field.time_text() == "00:10");
}
