#pragma once
// `madoguchi restore FROM --db FILE`: replaces a stopped server's database with a verified
// backup, keeping the replaced one beside it.
#include <cstdint>
#include <filesystem>
#include <optional>

#include "calendar/tokyo_time.hpp"
#include "store/result.hpp"

namespace madoguchi::server::backup {

struct RestoreOutcome {
    int schema_version = 0;
    std::uintmax_t bytes = 0;
    // FILE.before-restore-<stamp>; empty when there was no database to replace.
    std::optional<std::filesystem::path> kept;
};

// Checks that `backup` is an intact madoguchi database this program can run (integrity
// check, schema_migrations, a schema version it knows); its schema version when so.
store::Result<int> verify_backup(const std::filesystem::path& backup);

// Refuses while a server holds `database` (see DatabaseLock) and holds the lock itself
// meanwhile. Verifies `backup`, copies it beside `database`, syncs it, then moves the old
// file and its WAL aside (FILE.before-restore-<stamp>, -wal) and renames the copy into
// place: at every moment FILE is either the old database or the complete new one.
store::Result<RestoreOutcome> restore(const std::filesystem::path& backup, const std::filesystem::path& database,
                                      calendar::Instant now);

}  // namespace madoguchi::server::backup
