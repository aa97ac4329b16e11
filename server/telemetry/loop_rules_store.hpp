#pragma once
// Table telemetry_loop_rules (migration 33): the loop rules as the IT office set them, one
// versioned row; without it the defaults of shared/telemetry/loop_rules.hpp apply (version 0).
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

#include "calendar/tokyo_time.hpp"
#include "store/database.hpp"
#include "telemetry/loop_rules.hpp"

namespace madoguchi::server::telemetry {

struct StoredLoopRules {
    madoguchi::telemetry::LoopRules rules;
    std::int64_t version = 0;  // 0 while nobody has changed the defaults
    std::string updated_by;
    std::string updated_at;
};

// {offline_cycles, lead_time_days, order_at_percent, replacement_rise, window_days, min_days,
//  incident_requester, version, updated_by, updated_at}
nlohmann::json to_json(const StoredLoopRules& stored);

store::Result<StoredLoopRules> load_loop_rules(store::Database& database);
// Writes the rules when the stored version is still `version`; false when another edit came first.
store::Result<bool> save_loop_rules(store::Database& database, const madoguchi::telemetry::LoopRules& rules,
                                    std::int64_t version, const std::string& actor, calendar::Instant now);

}  // namespace madoguchi::server::telemetry
