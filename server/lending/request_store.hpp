#pragma once
// Tables loan_requests and loan_allocations: requests as stored, with the devices (by tag)
// an approval allocated to them.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "calendar/tokyo_time.hpp"
#include "lending/loan_request.hpp"
#include "store/database.hpp"

namespace madoguchi::server::lending {

struct AllocatedDevice {
    std::int64_t device_id = 0;
    std::string asset_tag;
};

struct LoanRequestRow {
    std::int64_t id = 0;
    std::string number;
    std::string requester_login;
    std::string requester_name;
    std::string requester_division;
    std::string class_code;
    int quantity = 1;
    std::string purpose;
    calendar::Date start_date;
    calendar::Date due_date;
    madoguchi::lending::Delivery delivery = madoguchi::lending::Delivery::pickup;
    std::int64_t pickup_location_id = 0;
    std::string pickup_location_name;
    std::string ship_address;
    std::string ship_recipient;
    std::vector<std::string> accessories;
    std::string terms_form;
    std::int64_t terms_version = 0;
    madoguchi::lending::RequestState state = madoguchi::lending::RequestState::submitted;
    std::string decided_by;
    std::string decided_at;
    std::string state_reason;
    std::int64_t version = 1;
    std::string created_at;
    std::string updated_at;
    std::vector<AllocatedDevice> devices;
    // The due date an extension waiting for its approver asks for (延長申請の判断待ち).
    std::optional<calendar::Date> pending_extension_due;
};

nlohmann::json to_json(const LoanRequestRow& row);

// Who sees which requests in a list: everything, one division's (a manager: requests carry
// the requester's division, so the own ones too), or one's own.
struct RequestFilter {
    std::optional<madoguchi::lending::RequestState> state;
    std::optional<std::string> class_code;
    std::optional<std::string> requester_login;
    std::optional<std::string> division;
    bool extension_pending = false;  // only loans with an extension waiting for a decision
};

store::Result<std::vector<LoanRequestRow>> list_requests(store::Database& database, const RequestFilter& filter);
store::Result<std::optional<LoanRequestRow>> find_request(store::Database& database, std::int64_t id);

// Numbers the request LND-<Tokyo year>-<sequence> and stores it as submitted; answers its id.
store::Result<std::int64_t> insert_request(store::Database& database, const LoanRequestRow& row, calendar::Instant now);

// Moves the request when its version is still `version`; false when another change came first.
store::Result<bool> set_request_state(store::Database& database, const LoanRequestRow& row,
                                      madoguchi::lending::RequestState to, const std::string& actor,
                                      const std::string& reason, calendar::Instant now);

// Devices of the class the person holds or has asked for (states counting towards the limit).
store::Result<int> quantity_held(store::Database& database, const std::string& login, const std::string& class_code);
// Whether the person has a loan past its due date on `today`.
store::Result<bool> has_overdue_loan(store::Database& database, const std::string& login, const calendar::Date& today);

store::Status allocate(store::Database& database, std::int64_t request_id, std::int64_t device_id);
// Removes the request's allocations; answers the devices they named.
store::Result<std::vector<std::int64_t>> release(store::Database& database, std::int64_t request_id);
// Whether a request in a holding state still has the device allocated.
store::Result<bool> still_allocated(store::Database& database, std::int64_t device_id);

}  // namespace madoguchi::server::lending
