#include "lending/division_loans.hpp"

#include <algorithm>

#include "lending/my_loans_detail.hpp"

namespace madoguchi::client {

void DivisionLoans::load(ApiClient& api) {
    ++generation_;
    state_ = State::loading;
    api.get("/api/v1/lending/requests?state=on_loan", [this, generation = generation_](const ApiResult& result) {
        if (generation == generation_) accept(result, calendar::to_tokyo(calendar::now()).date);
    });
}

void DivisionLoans::accept(const ApiResult& result, const calendar::Date& today) {
    auto loans = result.ok() ? requests_from_body(result.body) : std::nullopt;
    if (!loans) {
        error_ = result.ok() ? api::make_error("internal") : result.error;
        state_ = State::failed;
        return;
    }
    // The earliest due first: the overdue come first by themselves.
    std::stable_sort(loans->begin(), loans->end(),
                     [](const LoanRequestRecord& a, const LoanRequestRecord& b) { return a.due < b.due; });
    rows_ = std::move(*loans);
    overdue_ = static_cast<int>(
        std::count_if(rows_.begin(), rows_.end(), [&](const LoanRequestRecord& loan) { return overdue(loan, today); }));
    error_ = {};
    state_ = State::loaded;
}

}  // namespace madoguchi::client
