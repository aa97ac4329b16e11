#include "telemetry/poll_job.hpp"

#include <cstdio>

#include "store/database.hpp"
#include "telemetry/poll_cycle.hpp"

namespace madoguchi::server::telemetry {

PollJob::PollJob(std::filesystem::path database, PollJobSettings settings)
    : database_(std::move(database)), settings_(std::move(settings)), thread_([this](std::stop_token stop) { run(stop); }) {}

void PollJob::run(std::stop_token stop) {
    auto database = store::Database::open(database_);
    if (!database) {
        std::fprintf(stderr, "telemetry: cannot open the database: %s\n", database.error().c_str());
        return;
    }
    while (!stop.stop_requested()) {
        const auto started = std::chrono::system_clock::now();
        CycleRequest request;
        request.trigger = "schedule";
        request.settings = settings_.poll;
        request.targets.agent_override = settings_.agent_override;
        request.schedule = settings_.schedule;
        if (auto cycle = run_poll_cycle(database.value(), request); !cycle) {
            std::fprintf(stderr, "telemetry: %s\n", cycle.error().c_str());
        }
        std::unique_lock lock(mutex_);
        // Returns at the next tick, or at once when the stop is requested; nothing else notifies.
        wake_.wait_until(lock, stop, started + settings_.schedule.tick(), [] { return false; });
    }
}

}  // namespace madoguchi::server::telemetry
