#pragma once
// The settings of what a recorded poll cycle sets off (IT office and admins change them over
// GET/PUT /api/v1/telemetry/rules): when a silent device counts as unreachable, the toner
// forecast and order thresholds, and whose name the fault incidents are filed under.
// Shared so that a settings form checks a value with the very rule the server refuses it by.
#include <string>
#include <vector>

#include "telemetry/toner_forecast.hpp"
#include "validation/field_problem.hpp"

namespace madoguchi::telemetry {

struct LoopRules {
    int offline_cycles = 3;  // cycles in a row without an answer before "unreachable"
    ForecastRules forecast;  // replacement rise, consumption window, days needed for a rate
    OrderRules order;        // lead time (days) and level threshold (%)
    // The desk account the poller's incident tickets are filed under (the requester); empty:
    // the first operator account by id.
    std::string incident_requester;
};

// The limits a setting must keep; beyond them a rule either never fires or fires on noise.
inline constexpr int max_offline_cycles = 100;
inline constexpr double max_lead_time_days = 60;
inline constexpr int min_replacement_rise = 5;  // the sensor wobbles by a few points
inline constexpr int min_window_days = 3;
inline constexpr int max_window_days = 365;
inline constexpr int min_rate_days = 2;  // a slope needs two days

// Problems by wire name (offline_cycles, lead_time_days, order_at_percent, replacement_rise,
// window_days, min_days): catalog keys "field.<reason>". Whether incident_requester names a
// desk account is the server's to check.
std::vector<validation::FieldProblem> validate(const LoopRules& rules);

}  // namespace madoguchi::telemetry
