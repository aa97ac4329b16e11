#pragma once
// Table loan_extensions: a borrower's ask for a later due date on a loan, and its decision.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "calendar/tokyo_time.hpp"
#include "lending/extension.hpp"
#include "store/database.hpp"

namespace madoguchi::server::lending {

struct ExtensionRow {
    std::int64_t id = 0;
    std::int64_t request_id = 0;
    std::string requested_by;
    calendar::Date current_due;  // the due date when it was asked
    calendar::Date new_due;
    std::string reason;
    std::string state = "requested";  // requested, approved, rejected
    std::string decided_by;
    std::string decided_at;
    std::string decision_reason;
    std::string created_at;
};

nlohmann::json to_json(const ExtensionRow& row);

store::Result<std::int64_t> insert_extension(store::Database& database, const ExtensionRow& row);
store::Result<std::optional<ExtensionRow>> find_extension(store::Database& database, std::int64_t id);
// The request's extensions, oldest first.
store::Result<std::vector<ExtensionRow>> extensions_of(store::Database& database, std::int64_t request_id);
// Decides a requested extension; false when it was decided already.
store::Result<bool> decide_extension(store::Database& database, const ExtensionRow& decided);
// Moves the request's due date (its version grows).
store::Status move_due_date(store::Database& database, std::int64_t request_id, const calendar::Date& due,
                            calendar::Instant now);
// Other requests' holds on the request's devices: what an extension must not run into.
store::Result<std::vector<madoguchi::lending::DeviceReservation>> reservations_after(store::Database& database,
                                                                                      std::int64_t request_id);

}  // namespace madoguchi::server::lending
