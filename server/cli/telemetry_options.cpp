#include "cli/telemetry_options.hpp"

#include <string>

namespace madoguchi::server::cli {

bool is_telemetry_option(std::string_view name) { return name == "--telemetry-schedule" || name == "--snmp-agent"; }

std::optional<UsageError> read_telemetry_option(std::string_view name, std::string_view value, ServeOptions& options) {
    if (name == "--snmp-agent") {
        options.snmp_agent = value;
        return std::nullopt;
    }
    const auto schedule = telemetry::parse_poll_schedule(value);
    if (!schedule) {
        return UsageError{"madoguchi serve: --telemetry-schedule must look like status=5,supplies=5,counters=60,firmware=1440 "
                          "(minutes, 1 to 10080), not '" + std::string(value) + "'"};
    }
    options.telemetry_schedule = *schedule;
    return std::nullopt;
}

}  // namespace madoguchi::server::cli
