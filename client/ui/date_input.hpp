#pragma once
// What people type into date and time fields: ISO, slashes, eight digits, 和暦 with the era
// name or its initial (R8.11.25), full-width digits from the IME, and the field's own display
// text with its weekday, so a shown value reads back unchanged.
#include <optional>
#include <string>
#include <string_view>

#include "calendar/civil_date.hpp"

namespace madoguchi::client {

enum class DateInputError {
    none,
    malformed,    // not a date shape we know
    impossible,   // 2026-02-30, 令和0年, 平成32年 (the era had ended)
    unsupported,  // outside the holiday calendar's years (1955-2099)
    before_minimum,
    after_maximum,
};

// The catalog key of the message for an error; empty for none.
std::string_view date_error_key(DateInputError error);

struct DateBounds {
    std::optional<calendar::Date> minimum;
    std::optional<calendar::Date> maximum;
    bool contains(const calendar::Date& date) const;
    calendar::Date clamp(const calendar::Date& date) const;
};

struct DateInput {
    std::optional<calendar::Date> date;
    DateInputError error = DateInputError::none;  // meaningful only when date is empty
};

// Blank text is no date and no error.
DateInput parse_date_input(std::string_view text, const DateBounds& bounds = {});

// "14:30", "1430", "9:05", "14時30分"; minutes since midnight, or empty when not a time.
std::optional<int> parse_time_input(std::string_view text);
std::string format_time(int minute_of_day);  // "09:05"

// Full-width ASCII (０-９, ／, Ｒ…) as half-width, ideographic spaces as spaces, trimmed.
std::string normalize_typed(std::string_view text);

}  // namespace madoguchi::client
