#pragma once
// One poll cycle: the targets from the ledger, the SNMP poll, the results stored.
#include <optional>
#include <string>

#include "store/database.hpp"
#include "telemetry/poll_targets.hpp"
#include "telemetry/telemetry_store.hpp"

namespace madoguchi::server::telemetry {

struct CycleRequest {
    TargetOptions targets;
    PollSettings settings;
    // Asked of every device, unless a schedule is given (the poll job): then each device is
    // asked the kinds due from it at the cycle's start (device_kinds_due), and one with none
    // due is left out of the cycle.
    KindsDue kinds = every_kind();
    std::optional<PollSchedule> schedule;
    std::string trigger = "command";
};

// The database is only used before and after the poll, not while waiting on agents. A cycle
// with no device to ask is neither polled nor recorded (its summary counts no device).
store::Result<CycleSummary> run_poll_cycle(store::Database& database, const CycleRequest& request);

}  // namespace madoguchi::server::telemetry
