#pragma once
// The devices to poll: the ledger's devices with a network address and an SNMP profile of
// telemetry_snmp_profiles (migration 25), each with its profile's credentials.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.hpp"
#include "telemetry/poll_target.hpp"

namespace madoguchi::server::telemetry {

struct TargetOptions {
    // Send every device's requests to this agent ("127.0.0.1:16161"), or spread the devices by
    // id over a comma-separated list of agents: the simulated fleet, where each device is told
    // apart by its community or v3 context, and where several simulator processes stand in for
    // printers that answer side by side.
    std::string agent_override;
    std::optional<std::int64_t> device_id;  // one device only ("poll now")
};

// "{asset_tag}" in a profile's community or context stands for the device's asset tag.
std::string expand_profile_text(const std::string& text, const std::string& asset_tag);

// The devices silent at the last poll come first (their timeouts overlap the rest of the cycle).
// Each carries the table sizes of its last reading and when each kind was last read from it,
// and asks every kind until the caller chooses.
store::Result<std::vector<PollTarget>> load_poll_targets(store::Database& database, const TargetOptions& options);

}  // namespace madoguchi::server::telemetry
