#include "telemetry/poll_cycle.hpp"

#include <chrono>
#include <vector>

namespace madoguchi::server::telemetry {

store::Result<CycleSummary> run_poll_cycle(store::Database& database, const CycleRequest& request) {
    auto targets = load_poll_targets(database, request.targets);
    if (!targets) return store::Error{targets.error()};
    const auto started = calendar::now();
    const std::chrono::system_clock::time_point started_at{std::chrono::seconds{started.unix_seconds}};
    for (auto& target : targets.value()) {
        target.kinds = request.schedule
                           ? device_kinds_due(*request.schedule, target.device_id, started_at, target.last_read)
                           : request.kinds;
    }
    std::erase_if(targets.value(), [](const PollTarget& target) { return !target.kinds.any(); });
    if (targets.value().empty()) {
        CycleSummary nothing_due;
        nothing_due.trigger = request.trigger;
        nothing_due.started = nothing_due.finished = started;
        return nothing_due;
    }
    const auto clock_start = std::chrono::steady_clock::now();
    const auto outcome = poll_devices(targets.value(), request.settings);
    const auto elapsed = std::chrono::steady_clock::now() - clock_start;
    auto summary = summarise(outcome, request.trigger, started, calendar::now());
    summary.wall_milliseconds = std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count();
    auto recorded = record_cycle(database, summary, outcome.devices);
    if (!recorded) return store::Error{recorded.error()};
    return summary;
}

}  // namespace madoguchi::server::telemetry
