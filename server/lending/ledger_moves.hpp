#pragma once
// A loan's effect on the ledger: allocated devices move in stock → reserved, released ones
// back to in stock once no other request keeps them; each move through the asset state
// machine (shared/inventory/asset_state.hpp), audited as device.transitioned with the
// request's number as the reason, in the caller's transaction.
#include <cstdint>
#include <string>

#include "audit/audit_log.hpp"
#include "inventory/asset_state.hpp"
#include "store/database.hpp"

namespace madoguchi::server::lending {

// Moves the device to `to` unless it is there already; an error when the machine refuses.
store::Status move_device(store::Database& database, std::int64_t device_id, madoguchi::inventory::AssetState to,
                          const std::string& request_number, const audit::Actor& actor);

}  // namespace madoguchi::server::lending
