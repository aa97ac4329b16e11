#pragma once
// The date picker's month calendar as data: six Sunday-first weeks (as Japanese calendars
// print them) with each day's kind from the shared business calendar, and the keyboard and
// button moves of the focused day. The view only draws it.
#include <array>
#include <optional>
#include <string_view>

#include "calendar/civil_date.hpp"
#include "ui/date_input.hpp"

namespace madoguchi::client {

// What colours a day; holidays win over the year-end closure, which wins over weekends.
enum class DayKind { weekday, saturday, sunday, holiday, closed };

// "holiday", "saturday", "sunday", "closed" or "" (the value of a day cell's item).
std::string_view day_kind_value(DayKind kind);

struct DayCell {
    calendar::Date date;
    DayKind kind = DayKind::weekday;
    bool in_month = false;  // false for the neighbouring months' days that fill the weeks
    bool business_day = false;
    bool today = false;
    bool selected = false;
    bool focused = false;
    bool enabled = true;  // inside the bounds
    std::string_view holiday_ja;
    std::string_view holiday_en;
};

struct MonthGrid {
    static constexpr int weeks = 6;
    int year = 0;
    int month = 0;
    std::array<DayCell, weeks * 7> cells;
};

DayCell describe_day(const calendar::Date& date);

class DatePickerModel {
public:
    enum class Key { left, right, up, down, page_up, page_down, year_up, year_down, enter, escape };
    enum class Outcome { none, picked, closed };

    // Focuses the value, or today, kept inside the bounds and the supported calendar.
    void open(std::optional<calendar::Date> value, const calendar::Date& today, const DateBounds& bounds);

    const calendar::Date& focused() const { return focused_; }
    void move_days(int days);
    // Keeps the day of month where the target month has it (1/31 + 1 month = 2/28).
    void move_months(int months);
    void move_years(int years) { move_months(years * 12); }
    // Whether a move by whole months would show another month (false past the bounds).
    bool can_move_months(int months) const;

    Outcome press(Key key);
    // A click on a day: picks it when it is inside the bounds.
    bool pick(const calendar::Date& date);
    bool can_pick(const calendar::Date& date) const { return bounds_.contains(date); }
    // The date chosen by the last Outcome::picked or successful pick().
    const calendar::Date& picked() const { return picked_; }

    MonthGrid grid(const calendar::Date& today, std::optional<calendar::Date> selected) const;

private:
    void focus(const calendar::Date& date);

    calendar::Date focused_{2026, 1, 1};
    calendar::Date picked_{2026, 1, 1};
    DateBounds bounds_;
};

}  // namespace madoguchi::client
