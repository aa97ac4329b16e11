#pragma once
// 返却予約 of one loan out, as its borrower books it: the booking it has (counter and
// half-hour slot, shown in Tokyo time), and for a new one the chosen counter and day with
// that day's slots and how many places each has left (server/lending/return_booking_routes).
// The counter starts as the one the devices were collected from and the day as the due date
// (today once it has passed). A slot another borrower took first (409 slot_full) is refused
// with the slots still free, read again so the list shows them; a booking can be moved to
// another slot or cancelled.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "api/api_client.hpp"
#include "calendar/tokyo_time.hpp"
#include "lending/lending_records.hpp"
#include "ui/date_field_model.hpp"

namespace madoguchi::client {

struct ReturnSlot {
    calendar::Instant at{};
    int free = 0;
    bool begun = false;
    bool bookable() const { return free > 0 && !begun; }
};

struct ReturnBookingRecord {
    std::int64_t counter_id = 0;
    std::string counter_name;
    calendar::Instant slot_at{};
};

// {"return_booking":{…}|null} of GET/PUT /lending/requests/{id}/return-booking: nullopt when
// the body cannot be read, an empty optional inside when the loan has no booking.
std::optional<std::optional<ReturnBookingRecord>> return_booking_from_body(const std::string& body);
// {"slots":[{"slot_at","free","begun"}…]} of GET /lending/return-slots.
std::optional<std::vector<ReturnSlot>> return_slots_from_body(const std::string& body);
// "12月10日（木） 10:00〜10:30" (or the date in 和暦) of a slot, in Tokyo time.
std::string return_slot_text(calendar::Instant slot, i18n::Language language, bool wareki);

class ReturnBooking {
public:
    enum class State { closed, loading, loaded, failed };

    // Reads the loan's booking and the slots of its counter on the first day worth offering.
    void open(ApiClient& api, const LoanRequestRecord& loan, const calendar::Date& today);
    void close();
    State state() const { return state_; }
    std::int64_t request_id() const { return request_id_; }
    const std::optional<ReturnBookingRecord>& booking() const { return booking_; }

    std::int64_t counter() const { return counter_; }
    void choose_counter(ApiClient& api, std::int64_t location_id);
    // The day's field; choose_day reads its slots once it holds a date.
    DateFieldModel& day() { return day_; }
    void choose_day(ApiClient& api);
    const std::vector<ReturnSlot>& slots() const { return slots_; }
    bool slots_loading() const { return slots_waiting_; }
    // Read, and the counter is closed that day (no slots at all).
    bool closed_day() const { return slots_read_ && slots_.empty(); }

    void book(ApiClient& api, calendar::Instant slot);
    void cancel(ApiClient& api);
    bool sending() const { return sending_; }
    // Why the last read or change was refused, in the language; empty when nothing was.
    std::string error(i18n::Language language) const;
    // Once: the slot just booked, for the toast; true once after a cancellation.
    std::optional<calendar::Instant> take_booked() { return std::exchange(booked_, std::nullopt); }
    bool take_cancelled() { return std::exchange(cancelled_, false); }

private:
    void read_slots(ApiClient& api);
    ApiClient::Callback current(std::function<void(const ApiResult&)> done);

    State state_ = State::closed;
    std::uint64_t generation_ = 0;
    std::int64_t request_id_ = 0;
    std::optional<ReturnBookingRecord> booking_;
    std::int64_t counter_ = 0;
    DateFieldModel day_;
    std::vector<ReturnSlot> slots_;
    bool slots_waiting_ = false;
    bool slots_read_ = false;
    std::uint64_t slots_generation_ = 0;
    bool sending_ = false;
    api::ApiError error_;
    std::optional<calendar::Instant> booked_;
    bool cancelled_ = false;
};

}  // namespace madoguchi::client
