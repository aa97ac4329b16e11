#pragma once
// 在庫カレンダー (the availability calendar): one class at one counter (or everywhere), a
// month of the UI kit's month grid with each day's free devices from GET
// /lending/availability; a day with none free is short, closed days are told apart by the
// grid's day kinds.
#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "api/api_client.hpp"
#include "lending/availability.hpp"
#include "ui/month_grid.hpp"

namespace madoguchi::client {

class AvailabilityCalendar {
public:
    enum class State { idle, loading, loaded, failed };

    std::string class_code;
    std::int64_t location_id = 0;  // 0: every place

    // Shows the month of `day` (the first call: today's month).
    void show(const calendar::Date& day);
    void move_months(int months);
    // Reads the grid's 42 days for the class and counter; nothing without a class.
    void load(ApiClient& api);
    void accept(const ApiResult& result);

    State state() const { return state_; }
    const api::ApiError& error() const { return error_; }
    bool shown() const { return shown_; }
    MonthGrid grid(const calendar::Date& today) const { return picker_.grid(today, std::nullopt); }
    std::optional<lending::DayAvailability> counts(const calendar::Date& date) const;
    // No device of the class is free that day.
    bool short_on(const calendar::Date& date) const;

private:
    DatePickerModel picker_;
    bool shown_ = false;
    State state_ = State::idle;
    std::uint64_t generation_ = 0;
    api::ApiError error_;
    std::map<std::int64_t, lending::DayAvailability> days_;  // by days_from_civil
};

}  // namespace madoguchi::client
