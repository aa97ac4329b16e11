#pragma once
// One poll cycle: the targets from the ledger, the SNMP poll, the results stored.
#include <string>

#include "store/database.hpp"
#include "telemetry/poll_targets.hpp"
#include "telemetry/telemetry_store.hpp"

namespace madoguchi::server::telemetry {

struct CycleRequest {
    TargetOptions targets;
    PollSettings settings;
    KindsDue kinds = every_kind();
    std::string trigger = "command";
};

// The database is only used before and after the poll, not while waiting on agents.
store::Result<CycleSummary> run_poll_cycle(store::Database& database, const CycleRequest& request);

}  // namespace madoguchi::server::telemetry
