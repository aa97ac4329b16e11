#pragma once
// What the lending counter (窓口) reads and writes: a device by its tag with the loan it is
// allocated to, the person's requests and loans, handovers (loan_handovers) and returns
// (loan_returns) with the allocations that record them.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "calendar/tokyo_time.hpp"
#include "inventory/asset_state.hpp"
#include "lending/loan_request.hpp"
#include "store/database.hpp"

namespace madoguchi::server::lending {

// One device's allocation to one request, as the counter sees it.
struct CounterAllocation {
    std::int64_t request_id = 0;
    std::string request_number;
    std::string borrower_login;
    madoguchi::lending::RequestState request_state = madoguchi::lending::RequestState::approved;
    calendar::Date start_date;
    calendar::Date due_date;
    bool handed_over = false;
    bool returned = false;
    bool kitting_open = false;  // the request's kitting task of this device is not finished
};

struct CounterDevice {
    std::int64_t id = 0;
    std::string asset_tag;
    std::string class_code;
    madoguchi::inventory::AssetState state = madoguchi::inventory::AssetState::in_stock;
    std::vector<std::string> accessories;
    std::vector<CounterAllocation> allocations;  // requests holding it or holding it out, by start date
};

store::Result<std::optional<CounterDevice>> find_counter_device(store::Database& database, const std::string& tag);
// The device's allocations (those of requests approved or on loan), for the given device.
store::Result<std::vector<CounterAllocation>> allocations_of(store::Database& database, std::int64_t device_id);

// Whether an approved loan still waits to take the device out (allocated, not handed over).
store::Result<bool> awaited_by_loan(store::Database& database, std::int64_t device_id);

// The ids of the person's requests in the state, oldest start first.
store::Result<std::vector<std::int64_t>> request_ids_of(store::Database& database, const std::string& login,
                                                         madoguchi::lending::RequestState state);

// A device the person has out: handed over, not yet back.
struct LoanOut {
    std::int64_t request_id = 0;
    std::string request_number;
    std::string asset_tag;
    std::string class_code;
    calendar::Date start_date;
    calendar::Date due_date;
};

// The person's devices out on loan, earliest due first.
store::Result<std::vector<LoanOut>> loans_of(store::Database& database, const std::string& login);

struct HandoverRow {
    std::int64_t id = 0;
    std::int64_t request_id = 0;
    std::int64_t counter_location_id = 0;
    std::string counter_name;
    std::string operator_login;
    std::string operator_name;
    std::int64_t terms_version = 0;
    std::string handed_at;
    std::vector<std::string> tags;
};

store::Result<std::int64_t> insert_handover(store::Database& database, const HandoverRow& row);
store::Result<std::optional<HandoverRow>> find_handover(store::Database& database, std::int64_t id);
// Marks the device's allocation to the request as gone out with the handover.
store::Status mark_handed_over(store::Database& database, std::int64_t request_id, std::int64_t device_id,
                               std::int64_t handover_id);

struct ReturnRow {
    std::int64_t request_id = 0;
    std::int64_t device_id = 0;
    std::optional<std::int64_t> counter_location_id;
    std::string operator_login;
    std::string outcome;
    std::string damage_description;
    std::vector<std::string> missing_accessories;
    std::optional<std::int64_t> repair_ticket_id;
    std::optional<std::int64_t> kitting_task_id;
    std::string returned_at;
};

// Stores the return and marks the allocation as come back; answers its id.
store::Result<std::int64_t> insert_return(store::Database& database, const ReturnRow& row);

// How many of the request's devices have not gone out, and have not come back.
struct AllocationCounts {
    int not_handed_over = 0;
    int not_returned = 0;
};
store::Result<AllocationCounts> allocation_counts(store::Database& database, std::int64_t request_id);

}  // namespace madoguchi::server::lending
