#pragma once
// The ledger and the requests read as a lending::Pool: the devices of a class (at a pickup
// location: those kept there and those whose place the ledger does not know) that can be
// lent, and the days approved requests and loans keep them; and the devices an approval
// may allocate.
//
// A device counts when it is in stock or kept by a request in a holding state; a device in
// repair joins the pool on the date the desk expects it back (device_repair_returns), so a
// request for a later period may count on it. Devices on loan outside this system, in kitting,
// or in repair with no expected date count from no date: they are not promised.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "lending/availability.hpp"
#include "store/database.hpp"

namespace madoguchi::server::lending {

struct PoolQuery {
    std::string class_code;
    std::optional<std::int64_t> location_id;  // a pickup counter; empty: every device of the class
    calendar::Date today;                     // an overdue loan keeps its devices through today
};

store::Result<madoguchi::lending::Pool> load_pool(store::Database& database, const PoolQuery& query);

struct Candidate {
    std::int64_t device_id = 0;
    std::string asset_tag;
    bool in_stock = false;  // otherwise reserved for requests on other days
};

// Devices of the pool that no holding request keeps on any day of [start, due]: the ones at
// the counter itself first, then by tag.
store::Result<std::vector<Candidate>> free_devices(store::Database& database, const PoolQuery& query,
                                                   const calendar::Date& start, const calendar::Date& due);

}  // namespace madoguchi::server::lending
