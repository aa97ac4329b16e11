#pragma once
// The settings of what a recorded cycle sets off: when a silent device counts as unreachable,
// the toner forecast and order thresholds, and whose name the fault incidents are filed under.
#include <string>

#include "telemetry/toner_forecast.hpp"

namespace madoguchi::server::telemetry {

struct LoopRules {
    int offline_cycles = 3;  // cycles in a row without an answer before "unreachable"
    madoguchi::telemetry::ForecastRules forecast;
    madoguchi::telemetry::OrderRules order;  // lead time (days) and level threshold (%)
    // The desk account the poller's incident tickets are filed under (the requester); empty:
    // the first operator account by id.
    std::string incident_requester;
};

}  // namespace madoguchi::server::telemetry
