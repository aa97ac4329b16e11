#include "backup/restore.hpp"

#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "backup/backup_files.hpp"
#include "backup/database_copy.hpp"
#include "backup/database_lock.hpp"
#include "backup/file_sync.hpp"
#include "store/migrations.hpp"

namespace madoguchi::server::backup {
namespace {

namespace fs = std::filesystem;

fs::path with_suffix(const fs::path& path, std::string_view suffix) {
    auto result = path;
    result += std::string(suffix);
    return result;
}

// Folds the WAL into the main file, so the kept database is one file. Best effort: the old
// database may be the damaged one being replaced, and then its WAL is kept beside it instead.
void checkpoint(const fs::path& database) {
    sqlite3* connection = nullptr;
    if (sqlite3_open_v2(database.c_str(), &connection, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK) {
        sqlite3_exec(connection, "PRAGMA wal_checkpoint(TRUNCATE)", nullptr, nullptr, nullptr);
    }
    sqlite3_close_v2(connection);
}

// The restored file gets the replaced one's owner and mode: restores run as root (sudo),
// the server usually does not.
void take_ownership_of(const fs::path& copy, const fs::path& database) {
    struct stat existing {};
    if (::stat(database.c_str(), &existing) != 0) return;
    (void)::chown(copy.c_str(), existing.st_uid, existing.st_gid);
    (void)::chmod(copy.c_str(), existing.st_mode & 07777);
}

// Moves the current database aside as `kept`: a hard link, so FILE itself stays in place
// until the new copy replaces it; its WAL follows under the kept name (SQLite finds
// "<name>-wal" beside "<name>"), and the shared-memory index, which only describes that WAL, goes.
store::Status keep_aside(const fs::path& database, const fs::path& kept) {
    if (::link(database.c_str(), kept.c_str()) != 0) {
        if (errno == EEXIST) return store::Error{kept.string() + " already exists; nothing was changed"};
        return store::Error{"cannot keep " + database.string() + " as " + kept.string() + ": " + std::strerror(errno)};
    }
    const auto wal = with_suffix(database, "-wal");
    std::error_code failure;
    if (const auto size = fs::file_size(wal, failure); !failure && size > 0) {
        fs::rename(wal, with_suffix(kept, "-wal"), failure);
        if (failure) return store::Error{"cannot move " + wal.string() + " aside: " + failure.message()};
    } else {
        fs::remove(wal, failure);
        if (failure) return store::Error{"cannot remove " + wal.string() + ": " + failure.message()};
    }
    fs::remove(with_suffix(database, "-shm"), failure);
    if (failure) return store::Error{"cannot remove " + with_suffix(database, "-shm").string() + ": " + failure.message()};
    return store::success();
}

}  // namespace

store::Result<int> verify_backup(const fs::path& backup) {
    if (auto intact = check_integrity(backup); !intact) return store::Error{intact.error()};
    auto version = recorded_schema_version(backup);
    if (!version) return store::Error{version.error()};
    if (version.value() > store::latest_schema_version()) {
        return store::Error{backup.string() + " has schema version " + std::to_string(version.value()) +
                            ", newer than this madoguchi " + MADOGUCHI_VERSION + " knows (up to version " +
                            std::to_string(store::latest_schema_version()) + "); use a newer madoguchi"};
    }
    return version.value();
}

store::Result<RestoreOutcome> restore(const fs::path& backup, const fs::path& database, calendar::Instant now) {
    auto lock = DatabaseLock::acquire(database, DatabaseUse::restoring);
    if (!lock) return store::Error{lock.error() + "; stop it before restoring. Nothing was changed."};
    auto version = verify_backup(backup);
    if (!version) return store::Error{version.error() + ". Nothing was changed."};

    const auto folder = database.has_parent_path() ? database.parent_path() : fs::path(".");
    // Beside the database, so the final rename stays within one file system. The lock makes
    // a leftover of the same name the remains of an interrupted restore.
    std::string copy_name = ".";
    copy_name += database.filename().string();
    copy_name += ".restoring";
    const auto copy = folder / copy_name;
    remove_database_files(copy);
    if (auto copied = copy_database(backup, copy); !copied) return store::Error{copied.error() + ". Nothing was changed."};
    take_ownership_of(copy, database);

    RestoreOutcome outcome;
    outcome.schema_version = version.value();
    std::error_code failure;
    if (fs::exists(database, failure)) {
        checkpoint(database);
        const auto kept = with_suffix(database, ".before-restore-" + compact_utc_stamp(now));
        if (auto moved = keep_aside(database, kept); !moved) {
            remove_database_files(copy);
            return store::Error{moved.error()};
        }
        outcome.kept = kept;
    }
    if (::rename(copy.c_str(), database.c_str()) != 0) {
        const auto reason = std::strerror(errno);
        remove_database_files(copy);
        return store::Error{"cannot rename " + copy.string() + " to " + database.string() + ": " + reason};
    }
    if (auto synced = sync_folder(folder); !synced) return store::Error{synced.error()};
    outcome.bytes = fs::file_size(database, failure);
    return outcome;
}

}  // namespace madoguchi::server::backup
