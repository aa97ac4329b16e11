#pragma once
// A raw reading as JSON, for the last known state and the device's API: numbers as read,
// absent values null, texts with invalid UTF-8 replaced (U+FFFD), the error-state octets in hex.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "telemetry/snmp_reading.hpp"

namespace madoguchi::server::telemetry {

nlohmann::json reading_json(const SnmpReading& reading);
nlohmann::json oddities_json(const std::vector<Oddity>& oddities);
std::string hex_octets(const std::string& octets);
// JSON text that never throws on invalid UTF-8 in a printer's strings.
std::string json_text(const nlohmann::json& value);

}  // namespace madoguchi::server::telemetry
