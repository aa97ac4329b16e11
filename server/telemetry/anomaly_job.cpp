#include "telemetry/anomaly_job.hpp"

#include "telemetry/anomaly_scan.hpp"

namespace madoguchi::server::telemetry {

AnomalyJob::AnomalyJob(std::filesystem::path database, std::chrono::milliseconds interval)
    : job_("anomaly check", std::move(database), interval, [](store::Database& connection) -> store::Status {
          const auto now = calendar::now();
          return connection.transaction([&]() -> store::Status {
              if (auto scanned = scan_anomalies(connection, last_whole_day(now), audit::system_actor, now); !scanned) {
                  return store::Error{scanned.error()};
              }
              return store::success();
          });
      }) {}

}  // namespace madoguchi::server::telemetry
