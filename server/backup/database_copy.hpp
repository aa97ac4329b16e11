#pragma once
// SQLite files handled directly rather than through store::Database (which creates, switches
// to WAL and migrates): the online copy behind backups and restores, and the checks a file
// must pass before it is trusted.
#include <filesystem>
#include <stop_token>

#include "store/result.hpp"

namespace madoguchi::server::backup {

// Pages per sqlite3_backup_step (1 MiB at 4 KiB pages): between steps the copy can be
// stopped, and the source file is read in bursts rather than one long sweep.
inline constexpr int pages_per_step = 256;

// Copies the database `source` into the new file `target` (which must not exist) with
// SQLite's online backup API. The copy is one snapshot of `source`, also while a server
// keeps committing to it. `target` ends up in rollback-journal mode (one self-contained
// file), passes PRAGMA integrity_check and is synced to disk. On any failure, or when `stop`
// is requested, `target` is removed again.
store::Status copy_database(const std::filesystem::path& source, const std::filesystem::path& target,
                            std::stop_token stop = {});

// Opens the file read-only and runs PRAGMA integrity_check; the error quotes SQLite's findings.
store::Status check_integrity(const std::filesystem::path& file);

// The highest version in a madoguchi database's schema_migrations, read-only; an error for
// a file without that table.
store::Result<int> recorded_schema_version(const std::filesystem::path& file);

}  // namespace madoguchi::server::backup
