#pragma once
// What a recorded cycle sets off, in its transaction: each polled device's reading
// interpreted and stored beside it (the fleet list reads that), then the toner orders and
// the fault incidents brought up to date.
#include <span>

#include "calendar/tokyo_time.hpp"
#include "store/database.hpp"
#include "telemetry/loop_rules.hpp"
#include "telemetry/snmp_reading.hpp"

namespace madoguchi::server::telemetry {

// After the cycle's states and samples are written. A device's toners are read anew (and
// their forecast from the supplies samples) only when its supplies were polled.
store::Status apply_cycle_effects(store::Database& database, std::span<const DeviceReading> devices,
                                  const madoguchi::telemetry::LoopRules& rules, calendar::Instant now);

}  // namespace madoguchi::server::telemetry
