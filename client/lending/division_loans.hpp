#pragma once
// 課の貸出 (a manager's view of the division's loans): the devices the division's staff hold
// now, as GET /lending/requests?state=on_loan answers a manager (the server keeps it to the
// division), the overdue first and then by due date, with who holds what until when.
#include <cstdint>
#include <vector>

#include "api/api_client.hpp"
#include "lending/lending_records.hpp"

namespace madoguchi::client {

class DivisionLoans {
public:
    enum class State { idle, loading, loaded, failed };

    void load(ApiClient& api);
    // Reads the list on `today` (Tokyo), for the order and the overdue count.
    void accept(const ApiResult& result, const calendar::Date& today);
    State state() const { return state_; }
    const api::ApiError& error() const { return error_; }
    const std::vector<LoanRequestRecord>& rows() const { return rows_; }
    int overdue_count() const { return overdue_; }

private:
    State state_ = State::idle;
    std::uint64_t generation_ = 0;
    api::ApiError error_;
    std::vector<LoanRequestRecord> rows_;
    int overdue_ = 0;
};

}  // namespace madoguchi::client
