#pragma once
// Devices given to and taken from an approved request, as approval and a loss report both do:
// a device reserved is allocated, moved to reserved in the ledger and queued for kitting for
// this loan; released devices drop their open kitting tasks and go back on the shelf unless
// another request still keeps them.
#include <cstdint>

#include "audit/audit_log.hpp"
#include "lending/request_store.hpp"
#include "store/database.hpp"

namespace madoguchi::server::lending {

store::Status reserve_device(store::Database& database, const LoanRequestRow& row, std::int64_t device_id,
                             const audit::Actor& actor);

store::Status release_devices(store::Database& database, const LoanRequestRow& row, const audit::Actor& actor);

}  // namespace madoguchi::server::lending
