#include "lending/my_loans.hpp"

#include <algorithm>
#include <utility>

namespace madoguchi::client {

void MyLoans::load(ApiClient& api, const std::string& login) {
    ++generation_;
    state_ = State::loading;
    api.get("/api/v1/lending/requests", [this, &api, login, generation = generation_](const ApiResult& result) {
        if (generation != generation_) return;
        accept(result, login);
        if (const auto wanted = std::exchange(focus_, std::nullopt)) {
            // A link followed now: the booking's first day is counted from the wall clock.
            if (const auto* loan = find(*wanted)) open_loan(api, *loan, calendar::to_tokyo(calendar::now()).date);
        }
    });
}

void MyLoans::accept(const ApiResult& result, const std::string& login) {
    auto requests = result.ok() ? requests_from_body(result.body) : std::nullopt;
    if (!requests) {
        error_ = result.ok() ? api::make_error("internal") : result.error;
        state_ = State::failed;
        return;
    }
    std::erase_if(*requests, [&](const LoanRequestRecord& request) { return request.requester_login != login; });
    rows_ = std::move(*requests);
    if (const auto* opened = detail.loan()) {
        if (const auto* listed = find(opened->id)) detail.refresh(*listed);
    }
    // A loan brought back has nothing left to book.
    const auto* booked = find(return_booking.request_id());
    if (booked == nullptr || booked->state != lending::RequestState::on_loan) return_booking.close();
    error_ = {};
    state_ = State::loaded;
    login_ = login;
}

void MyLoans::open_loan(ApiClient& api, const LoanRequestRecord& loan, const calendar::Date& today) {
    detail.open(api, loan);
    if (loan.state == lending::RequestState::on_loan) {
        return_booking.open(api, loan, today);
    } else {
        return_booking.close();
    }
}

void MyLoans::close_loan() {
    detail.close();
    return_booking.close();
}

const LoanRequestRecord* MyLoans::find(std::int64_t id) const {
    const auto found = std::find_if(rows_.begin(), rows_.end(), [&](const LoanRequestRecord& row) { return row.id == id; });
    return found == rows_.end() ? nullptr : &*found;
}

void MyLoans::cancel(ApiClient& api, const LoanRequestRecord& request) {
    if (cancelling_ || !lending::cancellable(request.state)) return;
    cancelling_ = true;
    cancel_error_ = {};
    api.send(transition_request(request, "cancelled", {}), [this, &api, number = request.number](const ApiResult& result) {
        cancelling_ = false;
        if (result.ok()) {
            cancelled_ = number;
        } else {
            cancel_error_ = result.error;
        }
        // Either way the list shows what the server now holds (a 409: decided meanwhile).
        load(api, login_);
    });
}

}  // namespace madoguchi::client
