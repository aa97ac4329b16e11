#include "backup/backup_scheduler.hpp"

#include <chrono>
#include <cstdio>
#include <string>

#include "backup/backup_files.hpp"
#include "backup/online_backup.hpp"
#include "store/database.hpp"
#include "store/server_events.hpp"

namespace madoguchi::server::backup {
namespace {

std::chrono::system_clock::time_point time_point_of(calendar::Instant instant) {
    return std::chrono::system_clock::time_point(std::chrono::seconds(instant.unix_seconds));
}

// Its own connection: the server's is shared by request threads, and one INSERT waits for
// their write lock through the busy timeout like any other writer.
void record(const std::filesystem::path& database, store::ServerEvent event, const std::string& detail) {
    auto connection = store::Database::open(database);
    auto recorded = connection ? store::record_server_event(connection.value(), event, detail)
                               : store::Status(store::Error{connection.error()});
    if (!recorded) std::fprintf(stderr, "warning: cannot record the backup's outcome: %s\n", recorded.error().c_str());
}

}  // namespace

BackupScheduler::BackupScheduler(std::filesystem::path database, DailyBackupSettings settings)
    : database_(std::move(database)), settings_(std::move(settings)),
      thread_([this](std::stop_token stop) { run(stop); }) {
    std::fprintf(stderr, "daily backup at %s (Asia/Tokyo) into %s, keeping the %d newest\n",
                 format_time_of_day(settings_.at).c_str(), settings_.folder.c_str(), settings_.keep);
}

void BackupScheduler::run(std::stop_token stop) {
    while (!stop.stop_requested()) {
        const auto due = time_point_of(next_backup_time(calendar::now(), settings_.at));
        {
            std::unique_lock lock(mutex_);
            // Returns at `due`, or at once when the stop is requested; nothing else notifies.
            wake_.wait_until(lock, stop, due, [] { return false; });
        }
        if (stop.stop_requested()) return;
        back_up_now(stop);
    }
}

void BackupScheduler::back_up_now(const std::stop_token& stop) {
    auto written = back_up(database_, settings_.folder, calendar::now(), stop);
    if (!written) {
        std::fprintf(stderr, "scheduled backup failed: %s\n", written.error().c_str());
        record(database_, store::ServerEvent::backup_failed, written.error());
        return;
    }
    std::string detail = written.value().path.string() + " (" + std::to_string(written.value().bytes) + " bytes)";
    auto pruned = remove_old_backups(settings_.folder, static_cast<std::size_t>(settings_.keep));
    if (!pruned) {
        detail += "; " + pruned.error();
    } else {
        detail += "; removed " + std::to_string(pruned.value().removed.size()) + " older";
        for (const auto& failure : pruned.value().failures) detail += "; " + failure;
    }
    std::fprintf(stderr, "scheduled backup: wrote %s\n", detail.c_str());
    record(database_, store::ServerEvent::backup_succeeded, detail);
}

}  // namespace madoguchi::server::backup
