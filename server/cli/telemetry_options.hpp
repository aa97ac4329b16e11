#pragma once
// serve's telemetry options: --telemetry-schedule turns the poll job on, --snmp-agent sends
// its requests to one agent (the simulated fleet).
#include <optional>
#include <string_view>

#include "cli/command_line.hpp"

namespace madoguchi::server::cli {

bool is_telemetry_option(std::string_view name);
// Empty when the value is accepted; a usage error otherwise.
std::optional<UsageError> read_telemetry_option(std::string_view name, std::string_view value, ServeOptions& options);

}  // namespace madoguchi::server::cli
