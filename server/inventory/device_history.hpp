#pragma once
// A device's history is its records in the audit trail; table device_history points from a
// device to them (the trail itself has no index by object, to keep every write cheap) and
// keeps the reason given for a change of state.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "audit/audit_log.hpp"
#include "inventory/asset_state.hpp"
#include "store/database.hpp"

namespace madoguchi::server::inventory {

// Appends the audit record and links it to the device, in the caller's transaction.
store::Status record_device_change(store::Database& database, std::int64_t device_id, const audit::AuditEntry& entry,
                                   const std::string& reason = {});

// An audit record appended for a device, to be linked by link_device_changes().
struct DeviceChangeLink {
    std::int64_t device_id = 0;
    std::int64_t audit_id = 0;
};
// Links many records at once (bulk writes: a ledger import), without a reason, several rows
// to a statement; the devices must exist.
store::Status link_device_changes(store::Database& database, const std::vector<DeviceChangeLink>& links);

// The record of a move between states (device.transitioned: the state before, the state
// after with the reason), linked with the reason, in the caller's transaction.
store::Status record_state_change(store::Database& database, std::int64_t device_id,
                                  madoguchi::inventory::AssetState from, madoguchi::inventory::AssetState to,
                                  const std::string& reason, const audit::Actor& actor);

// {"id","occurred_at","actor","action","reason","before","after"}, newest first.
store::Result<std::vector<nlohmann::json>> device_history(store::Database& database, std::int64_t device_id);

}  // namespace madoguchi::server::inventory
