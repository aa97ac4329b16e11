#pragma once
// The daily backup inside `serve`: a thread of its own that sleeps until the next run time
// (Asia/Tokyo), backs the database up into the folder, prunes the oldest backups beyond the
// number to keep, logs the outcome to stderr and records it in server_events.
#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <stop_token>
#include <thread>

#include "backup/backup_schedule.hpp"

namespace madoguchi::server::backup {

class BackupScheduler {
public:
    // Starts the thread; the first backup runs at the next `settings.at`.
    BackupScheduler(std::filesystem::path database, DailyBackupSettings settings);
    // The jthread's destructor requests the stop, which wakes the thread, and joins it; a
    // copy in progress stops at its next step.
    ~BackupScheduler() = default;
    BackupScheduler(const BackupScheduler&) = delete;
    BackupScheduler& operator=(const BackupScheduler&) = delete;

private:
    void run(std::stop_token stop);
    void back_up_now(const std::stop_token& stop);

    std::filesystem::path database_;
    DailyBackupSettings settings_;
    std::mutex mutex_;
    std::condition_variable_any wake_;
    std::jthread thread_;  // last: starts once everything it uses exists
};

}  // namespace madoguchi::server::backup
