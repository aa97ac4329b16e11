#pragma once
// serve's options for the daily backup: --backup-dir, --backup-at, --backup-keep.
#include <optional>
#include <string_view>

#include "backup/backup_schedule.hpp"
#include "cli/command_line.hpp"

namespace madoguchi::server::cli {

bool is_backup_option(std::string_view name);

// Applies one option to `settings` (created by the first of them); the usage error when
// the value is not acceptable.
std::optional<UsageError> read_backup_option(std::string_view name, std::string_view value,
                                             std::optional<backup::DailyBackupSettings>& settings);

// After all options: --backup-at and --backup-keep mean nothing without --backup-dir.
std::optional<UsageError> check_backup_options(const std::optional<backup::DailyBackupSettings>& settings);

}  // namespace madoguchi::server::cli
