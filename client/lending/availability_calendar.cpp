#include "lending/availability_calendar.hpp"

#include "lending/lending_records.hpp"

namespace madoguchi::client {

void AvailabilityCalendar::show(const calendar::Date& day) {
    picker_.open(day, day, {});
    shown_ = true;
}

void AvailabilityCalendar::move_months(int months) { picker_.move_months(months); }

void AvailabilityCalendar::load(ApiClient& api) {
    if (class_code.empty() || !shown_) return;
    ++generation_;
    state_ = State::loading;
    const auto grid = picker_.grid(picker_.focused(), std::nullopt);
    api.get(availability_path(class_code, location_id, grid.cells.front().date, grid.cells.back().date),
            [this, generation = generation_](const ApiResult& result) {
                if (generation == generation_) accept(result);
            });
}

void AvailabilityCalendar::accept(const ApiResult& result) {
    const auto days = result.ok() ? availability_from_body(result.body) : std::nullopt;
    if (!days) {
        error_ = result.ok() ? api::make_error("internal") : result.error;
        state_ = State::failed;
        return;
    }
    days_.clear();
    for (const auto& day : *days) days_[calendar::days_from_civil(day.date)] = day;
    error_ = {};
    state_ = State::loaded;
}

std::optional<lending::DayAvailability> AvailabilityCalendar::counts(const calendar::Date& date) const {
    const auto found = days_.find(calendar::days_from_civil(date));
    return found == days_.end() ? std::nullopt : std::optional(found->second);
}

bool AvailabilityCalendar::short_on(const calendar::Date& date) const {
    const auto day = counts(date);
    return day && day->available <= 0;
}

}  // namespace madoguchi::client
