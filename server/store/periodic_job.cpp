#include "store/periodic_job.hpp"

#include <cstdio>

namespace madoguchi::server::store {

PeriodicJob::PeriodicJob(std::string name, std::filesystem::path database, std::chrono::milliseconds interval, Work work)
    : name_(std::move(name)),
      database_(std::move(database)),
      interval_(interval),
      work_(std::move(work)),
      thread_([this](std::stop_token stop) { run(stop); }) {}

void PeriodicJob::run(std::stop_token stop) {
    auto database = Database::open(database_);
    if (!database) {
        std::fprintf(stderr, "%s: cannot open the database: %s\n", name_.c_str(), database.error().c_str());
        return;
    }
    while (!stop.stop_requested()) {
        if (auto done = work_(database.value()); !done) std::fprintf(stderr, "%s: %s\n", name_.c_str(), done.error().c_str());
        std::unique_lock lock(mutex_);
        // Returns after the interval, or at once when the stop is requested; nothing else notifies.
        wake_.wait_for(lock, stop, interval_, [] { return false; });
    }
}

}  // namespace madoguchi::server::store
