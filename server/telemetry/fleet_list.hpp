#pragma once
// The fleet overview: every polled device (an SNMP profile in the ledger) with its place,
// model, interpreted state and open incidents and toner orders as the last cycle stored it,
// filtered by floor, model, state and text, paged, with the count per state of the whole filtered fleet.
#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "store/database.hpp"

namespace madoguchi::server::telemetry {

struct FleetQuery {
    std::optional<std::string> floor;      // locations.floor, exactly
    std::optional<std::int64_t> model_id;  // device_models.id
    std::optional<std::string> state;      // a printer_state_name(); "unknown" includes never polled
    // Text folded by text::fold_for_search() (case, width, katakana as hiragana, no spaces),
    // found in the folded asset tag, the model's maker and name, or the building and room.
    std::optional<std::string> text;
    std::int64_t limit = 50;
    std::int64_t offset = 0;
};

// {"devices": [...], "total", "limit", "offset", "states": {"ok": n, …}}; devices by asset tag.
store::Result<nlohmann::json> fleet_list(store::Database& database, const FleetQuery& query);

}  // namespace madoguchi::server::telemetry
