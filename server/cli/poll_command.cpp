#include "cli/poll_command.hpp"

#include <cstdio>

#include "cli/cli_support.hpp"
#include "http/query_params.hpp"
#include "telemetry/poll_cycle.hpp"

namespace madoguchi::server::cli {
namespace {

constexpr std::string_view help =
    "Usage: madoguchi poll --once --db FILE [options]\n"
    "\n"
    "Polls every device of the ledger that has a network address and an SNMP profile once\n"
    "(SNMP v2c or v3 authPriv, asynchronously, a bounded window of requests in flight),\n"
    "stores the raw readings, the last state per device and the samples of every kind, and\n"
    "prints a summary. Devices that do not answer are marked unreachable; that is not a failure.\n"
    "\n"
    "Options:\n"
    "  --db FILE               SQLite database file\n"
    "  --once                  one cycle, then exit (scheduled polling runs inside serve)\n"
    "  --device ID             only this device\n"
    "  --kinds LIST            only these kinds: status,supplies,counters,firmware (default all)\n"
    "  --agent HOST:PORT[,…]   send every request to this agent, or spread the devices over\n"
    "                          these agents (the simulated fleet: scripts/fleet-sim's ready line)\n"
    "  --window N              requests in flight at most (default 128)\n"
    "  --timeout-ms N          per request (default 1000)\n"
    "  --retries N             per request (default 1)\n"
    "  --max-repetitions N     GETBULK max-repetitions (default 16)\n"
    "  -h, --help              show this help\n";

// A whole number in [low, high] from an option, or the usage error printed.
std::optional<std::int64_t> bounded(const ParsedOptions& options, std::string_view name, std::int64_t fallback,
                                    std::int64_t low, std::int64_t high) {
    if (!options.has(name)) return fallback;
    const auto parsed = http::parse_integer(options.value(name));
    if (!parsed || *parsed < low || *parsed > high) {
        std::fprintf(stderr, "madoguchi poll: %.*s must be a whole number from %lld to %lld, not '%s'\n",
                     static_cast<int>(name.size()), name.data(), static_cast<long long>(low),
                     static_cast<long long>(high), options.value(name).c_str());
        return std::nullopt;
    }
    return *parsed;
}

}  // namespace

int run_poll_command(std::span<const std::string_view> arguments) {
    const CommandSpec spec{"poll",
                           std::string(help),
                           {"--db", "--device", "--kinds", "--agent", "--window", "--timeout-ms", "--retries", "--max-repetitions"},
                           {"--once"},
                           {"--db"}};
    ParsedOptions options;
    if (auto done = read_options(spec, arguments, options)) return *done;
    if (!options.has("--once")) {
        std::fprintf(stderr, "madoguchi poll: give --once (scheduled polling runs inside serve; see --help)\n");
        return exit_bad_usage;
    }
    telemetry::CycleRequest request;
    request.trigger = "command";
    request.targets.agent_override = options.value("--agent");
    const auto window = bounded(options, "--window", telemetry::PollSettings{}.window, 1, 1024);
    const auto timeout = bounded(options, "--timeout-ms", 1000, 10, 60000);
    const auto retries = bounded(options, "--retries", 1, 0, 10);
    const auto repetitions = bounded(options, "--max-repetitions", 16, 1, 100);
    const auto device = bounded(options, "--device", 0, 1, INT64_MAX);
    if (!window || !timeout || !retries || !repetitions || !device) return exit_bad_usage;
    request.settings.window = static_cast<int>(*window);
    request.settings.timeout = std::chrono::milliseconds{*timeout};
    request.settings.retries = static_cast<int>(*retries);
    request.settings.repetitions = static_cast<int>(*repetitions);
    if (options.has("--device")) request.targets.device_id = *device;
    if (options.has("--kinds")) {
        const auto kinds = telemetry::parse_kinds(options.value("--kinds"));
        if (!kinds) {
            std::fprintf(stderr, "madoguchi poll: --kinds must list some of status,supplies,counters,firmware, not '%s'\n",
                         options.value("--kinds").c_str());
            return exit_bad_usage;
        }
        request.kinds = *kinds;
    }

    auto database = open_database(options.value("--db"));
    if (!database) return exit_failed;
    auto cycle = telemetry::run_poll_cycle(*database, request);
    if (!cycle) return fail(cycle.error());
    const auto& s = cycle.value();
    std::printf("polled %d devices: %d answered, %d timed out, %d unreachable otherwise, %d with oddities\n", s.devices,
                s.reachable, s.timeouts, s.devices - s.reachable - s.timeouts, s.oddities);
    std::printf("%d requests, at most %d in flight, %.2f s; %lld samples written (%s)\n", s.requests, s.in_flight_peak,
                static_cast<double>(s.wall_milliseconds) / 1000.0, static_cast<long long>(s.samples_written),
                s.kinds.names().c_str());
    return exit_ok;
}

}  // namespace madoguchi::server::cli
