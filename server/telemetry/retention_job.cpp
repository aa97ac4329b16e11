#include "telemetry/retention_job.hpp"

#include "telemetry/page_days.hpp"
#include "telemetry/sample_retention.hpp"

namespace madoguchi::server::telemetry {

RetentionJob::RetentionJob(std::filesystem::path database, madoguchi::telemetry::RetentionRules rules,
                           std::chrono::milliseconds interval)
    : job_("telemetry retention", std::move(database), interval, [rules](store::Database& connection) -> store::Status {
          if (auto compacted = compact_samples(connection, calendar::now(), rules); !compacted) {
              return store::Error{compacted.error()};
          }
          // Billing's kept days right after the compaction that may have dropped some of them,
          // a few devices per transaction: the first run walks a year of samples of each, and
          // the poller must not wait for all of them.
          constexpr int devices_per_transaction = 50;
          for (int walked = devices_per_transaction; walked == devices_per_transaction;) {
              auto kept = connection.transaction([&]() -> store::Status {
                  auto filled = fill_page_days(connection, calendar::now(), devices_per_transaction);
                  if (!filled) return store::Error{filled.error()};
                  walked = filled.value().devices;
                  return store::success();
              });
              if (!kept) return kept;
          }
          return store::success();
      }) {}

}  // namespace madoguchi::server::telemetry
