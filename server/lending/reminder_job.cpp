#include "lending/reminder_job.hpp"

#include "lending/reminder_run.hpp"

namespace madoguchi::server::lending {

ReminderJob::ReminderJob(std::filesystem::path database, std::chrono::milliseconds interval)
    : job_("reminders", std::move(database), interval, [](store::Database& connection) -> store::Status {
          if (auto swept = run_reminders(connection, calendar::now()); !swept) return store::Error{swept.error()};
          return store::success();
      }) {}

}  // namespace madoguchi::server::lending
