#include "ui/date_field_model.hpp"

#include "ui/format.hpp"

namespace madoguchi::client {

void DateFieldModel::set(std::optional<calendar::Date> value) {
    value_ = value;
    error_ = DateInputError::none;
    text_is_value_ = false;
}

bool DateFieldModel::commit(std::string_view typed) {
    const auto parsed = parse_date_input(typed, bounds_);
    if (parsed.error != DateInputError::none) {
        error_ = parsed.error;
        text_ = std::string(typed);
        text_is_value_ = false;
        return false;
    }
    const bool changed = parsed.date != value_;
    set(parsed.date);
    return changed;
}

const std::string& DateFieldModel::text(i18n::Language language, bool wareki) {
    if (error_ != DateInputError::none) return text_;
    if (!text_is_value_ || shown_language_ != language || shown_wareki_ != wareki) {
        text_ = value_ ? format_display_date(*value_, language, wareki) : std::string();
        shown_language_ = language;
        shown_wareki_ = wareki;
        text_is_value_ = true;
    }
    return text_;
}

std::optional<calendar::Instant> DateTimeFieldModel::value() const {
    if (!date_.value()) return std::nullopt;
    return calendar::from_tokyo(*date_.value(), minute_ * 60);
}

void DateTimeFieldModel::set(std::optional<calendar::Instant> value) {
    time_error_ = false;
    time_text_.clear();
    if (!value) {
        date_.set(std::nullopt);
        return;
    }
    const auto local = calendar::to_tokyo(*value);
    date_.set(local.date);
    minute_ = local.second_of_day / 60;
}

bool DateTimeFieldModel::commit_time(std::string_view typed) {
    const auto minute = parse_time_input(typed);
    if (!minute) {
        time_error_ = true;
        time_text_ = std::string(typed);
        return false;
    }
    time_error_ = false;
    time_text_.clear();
    const bool changed = *minute != minute_;
    minute_ = *minute;
    return changed;
}

void DateTimeFieldModel::step(int steps) {
    constexpr int minutes_per_day = 24 * 60;
    // From an off-grid time the first step lands on the grid (14:32 + 1 → 14:35, − 1 → 14:30).
    int grid = minute_ / step_minutes_ * step_minutes_;
    if (steps > 0 || grid == minute_) grid += steps * step_minutes_;
    else grid += (steps + 1) * step_minutes_;
    minute_ = ((grid % minutes_per_day) + minutes_per_day) % minutes_per_day;
    time_error_ = false;
    time_text_.clear();
}

const std::string& DateTimeFieldModel::time_text() {
    if (!time_error_) time_text_ = format_time(minute_);
    return time_text_;
}

}  // namespace madoguchi::client
