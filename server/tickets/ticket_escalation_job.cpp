#include "tickets/ticket_escalation_job.hpp"

#include <cstdio>

#include "store/database.hpp"
#include "tickets/ticket_escalation.hpp"

namespace madoguchi::server::tickets {

EscalationJob::EscalationJob(std::filesystem::path database, std::chrono::milliseconds interval)
    : database_(std::move(database)), interval_(interval), thread_([this](std::stop_token stop) { run(stop); }) {}

void EscalationJob::run(std::stop_token stop) {
    // Its own connection, as the outbox worker's: its transactions wait for the requests'
    // through the busy timeout.
    auto database = store::Database::open(database_);
    if (!database) {
        std::fprintf(stderr, "escalations: cannot open the database: %s\n", database.error().c_str());
        return;
    }
    while (!stop.stop_requested()) {
        if (auto swept = run_escalations(database.value(), calendar::now()); !swept) {
            std::fprintf(stderr, "escalations: %s\n", swept.error().c_str());
        }
        std::unique_lock lock(mutex_);
        // Returns after the interval, or at once when the stop is requested; nothing else notifies.
        wake_.wait_for(lock, stop, interval_, [] { return false; });
    }
}

}  // namespace madoguchi::server::tickets
