#pragma once
// A device's history for its telemetry view, from the stored samples of the last days: the
// page counter, each toner's level and the conditions whenever they changed (status samples
// are written on change). Interpreted with shared/telemetry, as the cycle interprets.
#include <cstdint>

#include <nlohmann/json.hpp>

#include "calendar/tokyo_time.hpp"
#include "store/database.hpp"

namespace madoguchi::server::telemetry {

// {"since", "counters": [[at, count]…], "toners": [{"colour", "points": [[at, percent|null]…]}…],
//  "conditions": [{"at", "conditions": [names…]}…]}, oldest first. `reading` is the device's
// stored reading (the toners' descriptions come from it).
store::Result<nlohmann::json> device_history(store::Database& database, std::int64_t device_id, const nlohmann::json& reading,
                                             calendar::Instant since);

}  // namespace madoguchi::server::telemetry
