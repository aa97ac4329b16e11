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
          // Billing's kept days right after the compaction that may have dropped some of them.
          return connection.transaction([&]() -> store::Status {
              if (auto filled = fill_page_days(connection, calendar::now()); !filled) return store::Error{filled.error()};
              return store::success();
          });
      }) {}

}  // namespace madoguchi::server::telemetry
