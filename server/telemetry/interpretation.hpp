#pragma once
// A device's stored reading interpreted with shared/telemetry: its colour for the fleet list,
// its conditions, and its toner per colour with the days left. Computed when a cycle is
// recorded (telemetry_device_state.printer_state and .interpreted), so no request decodes
// readings.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "calendar/tokyo_time.hpp"
#include "telemetry/printer_status.hpp"
#include "telemetry/supply.hpp"
#include "telemetry/toner_forecast.hpp"

namespace madoguchi::server::telemetry {

// One toner cartridge: a Printer-MIB supply row (source "supply") or, for a colour the
// Printer-MIB does not report, a row of Ricoh's toner table (source "ricoh").
struct TonerLevel {
    madoguchi::telemetry::Colour colour = madoguchi::telemetry::Colour::none;
    std::string source;
    std::int64_t index = 0;
    madoguchi::telemetry::LevelState state = madoguchi::telemetry::LevelState::unknown;
    std::optional<int> percent;
    std::optional<double> percent_per_day;
    std::optional<double> days_to_empty;
};

struct Interpretation {
    madoguchi::telemetry::PrinterStatus status;
    std::vector<TonerLevel> toners;
    std::optional<std::int64_t> page_count;  // prtMarkerLifeCount
};

// The status from a stored reading (reading_json.hpp's members), unreachable when the device
// missed `offline_cycles` or more cycles in a row.
madoguchi::telemetry::PrinterStatus status_of(const nlohmann::json& reading, int missed_cycles, int offline_cycles);

// The toners of a reading, levels read but no forecast yet.
std::vector<TonerLevel> toners_of(const nlohmann::json& reading);

// The level of `toner` in a stored supplies sample (telemetry_samples kind 2's payload),
// read with the current reading's descriptions; unknown when the sample lacks the row.
madoguchi::telemetry::LevelSample level_in_sample(const TonerLevel& toner, const nlohmann::json& reading,
                                                  calendar::Instant at, const nlohmann::json& payload);

// A printer that prints but whose toner is at or below `order_at_percent` (or near empty)
// shows attention in the fleet list, like a low-toner error bit.
void note_low_toner(Interpretation& interpretation, int order_at_percent);

nlohmann::json to_json(const Interpretation& interpretation);
// The toners as stored by to_json, for the cycle after (replacement is a rise against them).
std::vector<TonerLevel> toners_from_json(const nlohmann::json& interpreted);

}  // namespace madoguchi::server::telemetry
