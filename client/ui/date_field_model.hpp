#pragma once
// The state behind a date field and a date-time field: the value, the text shown or being
// typed, the inline error, and the popup calendar's model. Times are Asia/Tokyo wall-clock
// minutes; the date-time value is a UTC instant (calendar/tokyo_time.hpp).
#include <optional>
#include <string>
#include <string_view>

#include "calendar/tokyo_time.hpp"
#include "i18n/catalog.hpp"
#include "ui/date_input.hpp"
#include "ui/month_grid.hpp"

namespace madoguchi::client {

class DateFieldModel {
public:
    explicit DateFieldModel(DateBounds bounds = {}) : bounds_(bounds) {}

    const std::optional<calendar::Date>& value() const { return value_; }
    const DateBounds& bounds() const { return bounds_; }
    DateInputError error() const { return error_; }

    // Sets the value (from the calendar or code); clears any error.
    void set(std::optional<calendar::Date> value);
    // Takes typed text: a date within the bounds becomes the value, blank clears it,
    // anything else keeps the text and the value and sets the error. True when the value changed.
    bool commit(std::string_view typed);
    // The text for the field: the value formatted as the user prefers, or what they typed
    // while it is in error.
    const std::string& text(i18n::Language language, bool wareki);

    DatePickerModel& picker() { return picker_; }
    // What the field holds while someone types in it; the view fills it from text().
    std::string& draft() { return draft_; }

private:
    std::string draft_;
    std::optional<calendar::Date> value_;
    DateBounds bounds_;
    DateInputError error_ = DateInputError::none;
    std::string text_;
    bool text_is_value_ = false;  // text_ shows value_ in shown_language_/shown_wareki_
    i18n::Language shown_language_ = i18n::Language::ja;
    bool shown_wareki_ = false;
    DatePickerModel picker_;
};

class DateTimeFieldModel {
public:
    static constexpr int default_step_minutes = 5;
    static constexpr int default_minute = 9 * 60;  // a fresh date starts in the morning

    explicit DateTimeFieldModel(int step_minutes = default_step_minutes) : step_minutes_(step_minutes) {}

    DateFieldModel& date() { return date_; }
    const DateFieldModel& date() const { return date_; }
    std::optional<int> minute_of_day() const { return date_.value() ? std::optional<int>(minute_) : std::nullopt; }
    bool time_error() const { return time_error_; }
    int step_minutes() const { return step_minutes_; }

    // The instant of the date and time in Tokyo; empty without a date.
    std::optional<calendar::Instant> value() const;
    void set(std::optional<calendar::Instant> value);
    // Typed "14:30": true when the time changed; otherwise keeps the text and flags an error.
    bool commit_time(std::string_view typed);
    // One step later (+1) or earlier (-1) on the step grid, wrapping around midnight.
    void step(int steps);
    const std::string& time_text();
    std::string& time_draft() { return time_draft_; }

private:
    std::string time_draft_;
    DateFieldModel date_;
    int step_minutes_;
    int minute_ = default_minute;
    std::string time_text_;
    bool time_error_ = false;
};

}  // namespace madoguchi::client
