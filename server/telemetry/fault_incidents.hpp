#pragma once
// 不具合: the poller's incident tickets (telemetry_fault_incidents, migration 30). A condition
// whose policy opens a vendor incident (jam, no toner, door open, service requested, a
// critical alert, unreachable for the configured cycles) opens one incident ticket per device
// and condition, handed to the maker's vendor company; while it lasts no second one opens;
// when a cycle no longer sees it, the ticket gets a note and the row its cleared_at.
// Conditions that affect users are flagged for the IT office (affects_users, and the ticket's
// escalation target). Each change audited as the system, inside the cycle's transaction.
// The tickets are filed under the loop rules' incident_requester, or the first operator account;
// with neither, conditions open nothing until there is one.
#include <cstdint>
#include <span>
#include <vector>

#include <nlohmann/json.hpp>

#include "calendar/tokyo_time.hpp"
#include "store/database.hpp"
#include "telemetry/loop_rules.hpp"
#include "telemetry/printer_status.hpp"

namespace madoguchi::server::telemetry {

// `conditions`: what the device shows now. A device that did not answer this cycle keeps
// its other incidents as they are (its last reading is old news); only unreachable opens.
store::Status update_fault_incidents(store::Database& database, std::int64_t device_id, bool answered,
                                     std::span<const madoguchi::telemetry::Condition> conditions, const madoguchi::telemetry::LoopRules& rules,
                                     calendar::Instant now);

// A device's incidents, newest first (open and cleared), for its telemetry view; every
// device's open ones with `affects_users_only` for the IT office when device_id is 0.
store::Result<nlohmann::json> fault_incidents_json(store::Database& database, std::int64_t device_id, bool open_only,
                                                   bool affects_users_only, std::int64_t limit, std::int64_t offset);

}  // namespace madoguchi::server::telemetry
