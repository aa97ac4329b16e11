#pragma once
// A raw reading as JSON, for the last known state and the device's API: numbers as read,
// absent values null, texts with invalid UTF-8 replaced (U+FFFD), the error-state octets in hex.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "telemetry/poll_schedule.hpp"
#include "telemetry/snmp_reading.hpp"

namespace madoguchi::server::telemetry {

// Only the members of the kinds read (reading_builder.hpp), so the stored state can be
// merged with them (SQLite json_patch) and keep what this poll did not ask for.
nlohmann::json reading_json(const SnmpReading& reading, const KindsDue& kinds = every_kind());
// A raw number, or null when the agent did not give it.
nlohmann::json json_number(const std::optional<std::int64_t>& value);
nlohmann::json oddities_json(const std::vector<Oddity>& oddities);
std::string hex_octets(const std::string& octets);
// JSON text that never throws on invalid UTF-8 in a printer's strings.
std::string json_text(const nlohmann::json& value);

// A member of a stored reading (or of one of its rows) read back: the integer, or nullopt when
// it is absent or of another type; the text, or "" when it is absent or of another type.
std::optional<std::int64_t> integer_member(const nlohmann::json& object, const char* name);
std::string text_member(const nlohmann::json& object, const char* name);

}  // namespace madoguchi::server::telemetry
