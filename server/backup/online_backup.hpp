#pragma once
// `madoguchi backup` and the scheduled backup: a snapshot of the live database as a new,
// never-overwritten file madoguchi-YYYYMMDDTHHMMSSZ.db in a folder.
#include <cstdint>
#include <filesystem>
#include <stop_token>

#include "calendar/tokyo_time.hpp"
#include "store/result.hpp"

namespace madoguchi::server::backup {

struct BackupFile {
    std::filesystem::path path;
    std::uintmax_t bytes = 0;
};

// Copies `database` into `folder` under the name for `taken_at`. The copy is written under a
// hidden temporary name in `folder` and gets its final name only once it passed the
// integrity check and is on disk, so a file with a backup's name is always complete.
store::Result<BackupFile> back_up(const std::filesystem::path& database, const std::filesystem::path& folder,
                                  calendar::Instant taken_at, std::stop_token stop = {});

}  // namespace madoguchi::server::backup
