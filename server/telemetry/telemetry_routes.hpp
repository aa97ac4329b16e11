#pragma once
// The telemetry of one device over HTTP:
//   GET  /api/v1/telemetry/devices/{id}       the last raw state and the recent samples
//   POST /api/v1/telemetry/devices/{id}/poll  poll it now (the desk), then the same answer
// The SNMP profiles' secrets are never part of an answer.
#include <string>

#include "http/router.hpp"
#include "store/database.hpp"
#include "telemetry/poll_target.hpp"

namespace madoguchi::server::telemetry {

struct ManualPollConfig {
    PollSettings settings;
    std::string agent_override;  // serve --snmp-agent
};

void add_telemetry_routes(http::Router& router, store::SharedDatabase& database, const ManualPollConfig& config);

}  // namespace madoguchi::server::telemetry
