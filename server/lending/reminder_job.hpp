#pragma once
// The reminder job inside `serve`: runs the reminder run (reminder_run.hpp) at once and then
// every `interval` (five minutes unless serve --reminders-every says otherwise) on a thread and
// connection of its own (store/periodic_job.hpp). A reminder goes out at the first run at or
// after its sending time.
#include <chrono>
#include <filesystem>

#include "store/periodic_job.hpp"

namespace madoguchi::server::lending {

inline constexpr std::chrono::seconds default_reminder_interval{300};

class ReminderJob {
public:
    ReminderJob(std::filesystem::path database, std::chrono::milliseconds interval);

private:
    store::PeriodicJob job_;
};

}  // namespace madoguchi::server::lending
