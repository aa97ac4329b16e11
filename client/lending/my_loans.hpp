#pragma once
// 自分の貸出 (my requests and loans): the signed-in user's own loan requests, newest first,
// with number, class, state, period and the devices allocated; a request can be cancelled
// (after a confirm) until its devices are handed over; one opened shows its extensions and
// reminders, takes an ask for a later due date (my_loans_detail.hpp) and, while it is out,
// a booking of its return at a counter (return_booking.hpp).
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "api/api_client.hpp"
#include "lending/lending_records.hpp"
#include "lending/my_loans_detail.hpp"
#include "lending/return_booking.hpp"

namespace madoguchi::client {

class MyLoans {
public:
    enum class State { idle, loading, loaded, failed };

    // Reads the requests and keeps `login`'s (the desk's list holds everyone's).
    void load(ApiClient& api, const std::string& login);
    // Reads the list; public for tests with fixtures.
    void accept(const ApiResult& result, const std::string& login);

    State state() const { return state_; }
    const api::ApiError& error() const { return error_; }
    const std::vector<LoanRequestRecord>& rows() const { return rows_; }
    const LoanRequestRecord* find(std::int64_t id) const;
    // Opens the loan below its line once the next read lists it (a notification's link).
    void focus(std::int64_t id) { focus_ = id; }

    // Cancels the request; the list is read again when the server has it.
    void cancel(ApiClient& api, const LoanRequestRecord& request);
    bool cancelling() const { return cancelling_; }
    // Once: the number of the request just cancelled.
    std::string take_cancelled() { return std::exchange(cancelled_, {}); }
    const api::ApiError& cancel_error() const { return cancel_error_; }

    // Opens the loan below its line (its detail, and its return booking while it is out).
    void open_loan(ApiClient& api, const LoanRequestRecord& loan, const calendar::Date& today);
    void close_loan();
    // The loan opened below its line; it follows the list when it is read again.
    MyLoanDetail detail;
    // Its return booking, while it is out.
    ReturnBooking return_booking;

private:
    State state_ = State::idle;
    std::uint64_t generation_ = 0;
    std::string login_;
    std::optional<std::int64_t> focus_;
    api::ApiError error_;
    std::vector<LoanRequestRecord> rows_;
    bool cancelling_ = false;
    std::string cancelled_;
    api::ApiError cancel_error_;
};

}  // namespace madoguchi::client
