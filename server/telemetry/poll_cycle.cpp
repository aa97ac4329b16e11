#include "telemetry/poll_cycle.hpp"

#include <chrono>

namespace madoguchi::server::telemetry {

store::Result<CycleSummary> run_poll_cycle(store::Database& database, const CycleRequest& request) {
    auto targets = load_poll_targets(database, request.targets);
    if (!targets) return store::Error{targets.error()};
    const auto started = calendar::now();
    const auto clock_start = std::chrono::steady_clock::now();
    const auto outcome = poll_devices(targets.value(), request.settings, request.kinds);
    const auto elapsed = std::chrono::steady_clock::now() - clock_start;
    auto summary = summarise(outcome, request.trigger, started, calendar::now(), request.kinds);
    summary.wall_milliseconds = std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count();
    auto recorded = record_cycle(database, summary, outcome.devices);
    if (!recorded) return store::Error{recorded.error()};
    return summary;
}

}  // namespace madoguchi::server::telemetry
