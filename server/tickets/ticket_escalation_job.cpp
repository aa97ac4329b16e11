#include "tickets/ticket_escalation_job.hpp"

#include "tickets/ticket_escalation.hpp"

namespace madoguchi::server::tickets {

EscalationJob::EscalationJob(std::filesystem::path database, std::chrono::milliseconds interval)
    : job_("escalations", std::move(database), interval, [](store::Database& connection) -> store::Status {
          if (auto swept = run_escalations(connection, calendar::now()); !swept) return store::Error{swept.error()};
          return store::success();
      }) {}

}  // namespace madoguchi::server::tickets
