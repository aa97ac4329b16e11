#pragma once
// 返却予約一覧 for the desk: the day's booked returns at one counter or all, by slot, each with
// the loan's number, the borrower and the tags coming back, so the inspection can be ready
// (GET /lending/return-bookings). The day starts as today; a slow answer for a day or counter
// no longer chosen is dropped.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "api/api_client.hpp"
#include "calendar/tokyo_time.hpp"
#include "ui/date_field_model.hpp"

namespace madoguchi::client {

struct BookedReturn {
    std::int64_t request_id = 0;
    std::string request_number;
    std::string borrower_login;
    std::string borrower_name;
    std::vector<std::string> asset_tags;
    std::int64_t counter_id = 0;
    std::string counter_name;
    calendar::Instant slot_at{};
};

// {"return_bookings":[…]}; bookings that cannot be read are left out.
std::optional<std::vector<BookedReturn>> return_bookings_from_body(const std::string& body);

class ReturnBookingList {
public:
    enum class State { idle, loading, loaded, failed };

    // Reads the chosen day (today when none is chosen yet) at the chosen counter. The rows of
    // the same day and counter stay until the answer replaces them.
    void load(ApiClient& api, const calendar::Date& today);
    DateFieldModel& day() { return day_; }
    std::int64_t counter() const { return counter_; }  // 0: every counter
    void choose_counter(ApiClient& api, std::int64_t location_id, const calendar::Date& today);

    State state() const { return state_; }
    const api::ApiError& error() const { return error_; }
    const std::vector<BookedReturn>& rows() const { return rows_; }
    // How many devices the day's bookings bring back.
    std::size_t device_count() const;

private:
    struct Shown {
        calendar::Date day;
        std::int64_t counter = 0;
        friend bool operator==(const Shown&, const Shown&) = default;
    };

    State state_ = State::idle;
    std::uint64_t generation_ = 0;
    DateFieldModel day_;
    std::int64_t counter_ = 0;
    std::optional<Shown> shown_;  // whose rows rows_ holds
    api::ApiError error_;
    std::vector<BookedReturn> rows_;
};

}  // namespace madoguchi::client
