#pragma once
// The sample compaction inside `serve`: compact_samples (sample_retention.hpp) at once and
// then every `interval` on a thread and connection of its own (store/periodic_job.hpp), each
// time followed by keeping billing's pages of the closed days (page_days.hpp).
// Hourly: a bucket waits at most that long past its age limit.
#include <chrono>
#include <filesystem>

#include "store/periodic_job.hpp"
#include "telemetry/retention.hpp"

namespace madoguchi::server::telemetry {

inline constexpr std::chrono::hours default_retention_interval{1};

class RetentionJob {
public:
    explicit RetentionJob(std::filesystem::path database, madoguchi::telemetry::RetentionRules rules = {},
                          std::chrono::milliseconds interval = default_retention_interval);

private:
    store::PeriodicJob job_;
};

}  // namespace madoguchi::server::telemetry
