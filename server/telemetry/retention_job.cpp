#include "telemetry/retention_job.hpp"

#include "telemetry/sample_retention.hpp"

namespace madoguchi::server::telemetry {

RetentionJob::RetentionJob(std::filesystem::path database, madoguchi::telemetry::RetentionRules rules,
                           std::chrono::milliseconds interval)
    : job_("telemetry retention", std::move(database), interval, [rules](store::Database& connection) -> store::Status {
          if (auto compacted = compact_samples(connection, calendar::now(), rules); !compacted) {
              return store::Error{compacted.error()};
          }
          return store::success();
      }) {}

}  // namespace madoguchi::server::telemetry
