#pragma once
// Table telemetry_model_speeds (migration 33): each printer model's rated pages per minute,
// which bound a plausible counter delta for billing and the anomaly check; a model without
// one is bounded by the fleet's fastest printer.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "calendar/tokyo_time.hpp"
#include "store/database.hpp"

namespace madoguchi::server::telemetry {

// The fleet's fastest printer (RICOH P 6510, 65 pages a minute).
inline constexpr std::int64_t fleet_max_pages_per_minute = 65;
inline constexpr std::int64_t most_pages_per_minute = 300;  // no office printer comes near

struct ModelSpeed {
    std::int64_t model_id = 0;
    std::string model;                             // "RICOH IM C3510F"
    std::optional<std::int64_t> pages_per_minute;  // as entered; empty: not entered
    std::string updated_by;
    std::string updated_at;
    std::int64_t effective() const { return pages_per_minute.value_or(fleet_max_pages_per_minute); }
};

// The printer models, by maker and name: those of a class polled over SNMP (MFPs, floor
// printers), those with a device the fleet list shows (an SNMP profile) and those with a speed
// entered; `only` narrows to one. iPads, PCs and scanners print nothing and are left out.
store::Result<std::vector<ModelSpeed>> model_speeds(store::Database& database, std::optional<std::int64_t> only = {});
// Empty `pages_per_minute` removes the entry (the fleet's fastest applies again).
store::Status save_model_speed(store::Database& database, std::int64_t model_id,
                               std::optional<std::int64_t> pages_per_minute, const std::string& actor,
                               calendar::Instant now);

// The most pages a device can print in an hour, by device id, for the devices whose model has
// a speed entered; the others take fleet_max_pages_per_minute.
store::Result<std::map<std::int64_t, std::int64_t>> device_page_limits(store::Database& database);
std::int64_t max_pages_per_hour(const std::map<std::int64_t, std::int64_t>& limits, std::int64_t device_id);

}  // namespace madoguchi::server::telemetry
