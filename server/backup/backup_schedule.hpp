#pragma once
// When the daily backup inside `serve` runs: a time of day in Asia/Tokyo, decided by a pure
// function so the schedule is tested without waiting for it.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "calendar/tokyo_time.hpp"

namespace madoguchi::server::backup {

struct TimeOfDay {
    int second_of_day = 0;  // 0..86399, Asia/Tokyo
    friend constexpr auto operator<=>(const TimeOfDay&, const TimeOfDay&) = default;
};

// "HH:MM" or "H:MM", 00:00..23:59; empty for anything else.
std::optional<TimeOfDay> parse_time_of_day(std::string_view text);
// "02:00" (seconds, which only tests set, are left out).
std::string format_time_of_day(TimeOfDay time);

// The first instant strictly after `now` whose Tokyo clock reads `at`: today when that time
// is still ahead, otherwise tomorrow. Japan has no daylight saving, so every day has it once.
calendar::Instant next_backup_time(calendar::Instant now, TimeOfDay at);

inline constexpr int default_backup_keep = 14;
inline constexpr TimeOfDay default_backup_at{2 * 3600};

// serve --backup-dir DIR [--backup-at HH:MM] [--backup-keep N]
struct DailyBackupSettings {
    std::filesystem::path folder;
    TimeOfDay at = default_backup_at;
    int keep = default_backup_keep;  // ≥ 1: the newest backups kept in `folder`
};

}  // namespace madoguchi::server::backup
