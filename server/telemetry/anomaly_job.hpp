#pragma once
// The daily anomaly check inside `serve`: judges the last whole Tokyo day (anomaly_scan.hpp)
// at once and then every `interval`; a day already judged adds nothing, so the job catches up
// after a restart without flagging twice. Its own thread and connection (store/periodic_job.hpp).
#include <chrono>
#include <filesystem>

#include "store/periodic_job.hpp"

namespace madoguchi::server::telemetry {

inline constexpr std::chrono::hours default_anomaly_interval{1};

class AnomalyJob {
public:
    explicit AnomalyJob(std::filesystem::path database, std::chrono::milliseconds interval = default_anomaly_interval);

private:
    store::PeriodicJob job_;
};

}  // namespace madoguchi::server::telemetry
