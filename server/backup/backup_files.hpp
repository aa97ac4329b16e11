#pragma once
// Backup files in a folder: their names (madoguchi-YYYYMMDDTHHMMSSZ.db, UTC) and retention,
// which only ever touches files named that way.
#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "calendar/tokyo_time.hpp"
#include "store/result.hpp"

namespace madoguchi::server::backup {

// "20261125T235951Z": sorts as it runs, and is safe in file names on every system.
std::string compact_utc_stamp(calendar::Instant instant);

// "madoguchi-20261125T235951Z.db"
std::string backup_file_name(calendar::Instant taken_at);
bool is_backup_file_name(std::string_view name);

// Of `names`, the backup files beyond the `keep` newest (newest by the stamp in the name);
// other names are never listed.
std::vector<std::string> backups_beyond(std::vector<std::string> names, std::size_t keep);

struct Retention {
    std::vector<std::filesystem::path> removed;
    std::vector<std::string> failures;  // one message per file that could not be removed
};

// Deletes the backup files in `folder` beyond the `keep` newest.
store::Result<Retention> remove_old_backups(const std::filesystem::path& folder, std::size_t keep);

}  // namespace madoguchi::server::backup
