#include "backup/database_copy.hpp"

#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "backup/file_sync.hpp"

namespace madoguchi::server::backup {
namespace {

namespace fs = std::filesystem;

struct CloseConnection {
    void operator()(sqlite3* connection) const { sqlite3_close_v2(connection); }
};
using Connection = std::unique_ptr<sqlite3, CloseConnection>;

struct FinalizeStatement {
    void operator()(sqlite3_stmt* statement) const { sqlite3_finalize(statement); }
};
using Statement = std::unique_ptr<sqlite3_stmt, FinalizeStatement>;

// How long a step waits for a lock before the copy gives up (20 ms per try).
constexpr int busy_retries = 500;

// `system_errno`: what the OS said when SQLite reports an I/O error (0: nothing).
store::Error describe(int code, std::string_view reason, int system_errno, const fs::path& file,
                      std::string_view doing) {
    switch (code & 0xff) {
        case SQLITE_NOTADB: return {file.string() + " is not a SQLite database"};
        case SQLITE_CORRUPT: return {file.string() + " is damaged (" + std::string(reason) + ")"};
        case SQLITE_FULL: return {"disk full while writing " + file.string()};
        case SQLITE_IOERR:
            if (system_errno != 0) {
                return {file.string() + ": " + std::string(doing) + ": " + std::strerror(system_errno) + " (" +
                        std::string(reason) + ")"};
            }
            break;
        default: break;
    }
    return {file.string() + ": " + std::string(doing) + ": " + std::string(reason)};
}

store::Error describe(sqlite3* connection, const fs::path& file, std::string_view doing) {
    if (!connection) return describe(SQLITE_NOMEM, "out of memory", 0, file, doing);
    return describe(sqlite3_extended_errcode(connection), sqlite3_errmsg(connection), sqlite3_system_errno(connection),
                    file, doing);
}

store::Result<Connection> open_file(const fs::path& file, int flags) {
    sqlite3* raw = nullptr;
    const int opened = sqlite3_open_v2(file.c_str(), &raw, flags, nullptr);
    Connection connection(raw);
    if (opened != SQLITE_OK) return describe(raw, file, "cannot open");
    sqlite3_extended_result_codes(raw, 1);
    sqlite3_busy_timeout(raw, 5000);
    return connection;
}

// Never creates the file (SQLite would, given a missing path and a create flag).
store::Result<Connection> open_existing(const fs::path& file, int flags) {
    std::error_code failure;
    const auto status = fs::status(file, failure);
    if (!fs::exists(status)) return store::Error{file.string() + " does not exist"};
    if (!fs::is_regular_file(status)) return store::Error{file.string() + " is not a file"};
    return open_file(file, flags);
}

store::Status run(sqlite3* connection, const fs::path& file, const char* sql, std::string_view doing) {
    if (sqlite3_exec(connection, sql, nullptr, nullptr, nullptr) != SQLITE_OK) return describe(connection, file, doing);
    return store::success();
}

// Every row's first column as text.
store::Result<std::vector<std::string>> rows_of(sqlite3* connection, const fs::path& file, std::string_view sql,
                                                std::string_view doing) {
    sqlite3_stmt* raw = nullptr;
    if (sqlite3_prepare_v2(connection, sql.data(), static_cast<int>(sql.size()), &raw, nullptr) != SQLITE_OK) {
        return describe(connection, file, doing);
    }
    Statement statement(raw);
    std::vector<std::string> rows;
    int stepped = SQLITE_ROW;
    while ((stepped = sqlite3_step(raw)) == SQLITE_ROW) {
        const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(raw, 0));
        rows.emplace_back(text ? text : "");
    }
    if (stepped != SQLITE_DONE) return describe(connection, file, doing);
    return rows;
}

store::Status integrity_of(sqlite3* connection, const fs::path& file) {
    auto findings = rows_of(connection, file, "PRAGMA integrity_check", "integrity check failed");
    if (!findings) return store::Error{findings.error()};
    if (findings.value() == std::vector<std::string>{"ok"}) return store::success();
    std::string listed;
    constexpr std::size_t quoted = 3;
    for (std::size_t i = 0; i < findings.value().size() && i < quoted; ++i) {
        if (i > 0) listed += "; ";
        listed += findings.value()[i];
    }
    if (findings.value().size() > quoted) listed += "; …";
    return store::Error{file.string() + " fails SQLite's integrity check: " + listed};
}

// Creates the empty file, so a name that exists (another copy, a mistake) is never reused.
store::Status claim(const fs::path& target) {
    const int fd = ::open(target.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
    if (fd < 0) {
        if (errno == EEXIST) return store::Error{target.string() + " already exists; it was not overwritten"};
        return store::Error{"cannot create " + target.string() + ": " + std::strerror(errno)};
    }
    ::close(fd);
    return store::success();
}

store::Status copy_pages(sqlite3* from, const fs::path& source, sqlite3* to, const fs::path& target,
                         const std::stop_token& stop) {
    sqlite3_backup* copy = sqlite3_backup_init(to, "main", from, "main");
    if (!copy) return describe(to, target, "cannot start the copy");
    int stepped = SQLITE_OK;
    int busy = 0;
    while (stepped == SQLITE_OK || stepped == SQLITE_BUSY || stepped == SQLITE_LOCKED) {
        if (stop.stop_requested()) {
            sqlite3_backup_finish(copy);
            return store::Error{"the copy of " + source.string() + " was stopped before it was complete"};
        }
        stepped = sqlite3_backup_step(copy, pages_per_step);
        if (stepped == SQLITE_BUSY || stepped == SQLITE_LOCKED) {
            if (++busy > busy_retries) break;
            sqlite3_sleep(20);
        }
    }
    const int finished = sqlite3_backup_finish(copy);
    if (stepped == SQLITE_DONE && finished == SQLITE_OK) return store::success();
    const int code = stepped != SQLITE_DONE ? stepped : finished;
    // The backup object reports on the target connection; a damaged or foreign source shows
    // as NOTADB or CORRUPT, anything else (disk full, I/O) belongs to the target.
    const bool source_fault = (code & 0xff) == SQLITE_NOTADB || (code & 0xff) == SQLITE_CORRUPT;
    return describe(code, sqlite3_errmsg(to), sqlite3_system_errno(to), source_fault ? source : target,
                    "copy failed");
}

store::Status copy_into(const fs::path& source, const fs::path& target, const std::stop_token& stop) {
    {
        // Read-write only so that, as the last connection, it tidies the WAL files away on
        // closing; the copy never writes to the source.
        auto from = open_existing(source, SQLITE_OPEN_READWRITE);
        if (!from) return store::Error{from.error()};
        // One read transaction across all steps: each step sees the same snapshot, so the
        // server's commits meanwhile neither restart the copy nor land in it halfway. In WAL
        // mode a reader never blocks writers; it only holds back checkpoints until the end.
        if (auto begun = run(from.value().get(), source, "BEGIN; SELECT count(*) FROM sqlite_schema;",
                             "cannot read");
            !begun) {
            return begun;
        }
        auto to = open_file(target, SQLITE_OPEN_READWRITE);
        if (!to) return store::Error{to.error()};
        if (auto copied = copy_pages(from.value().get(), source, to.value().get(), target, stop); !copied) return copied;
        (void)run(from.value().get(), source, "COMMIT", "cannot end the read");
    }
    // Read back from disk by a fresh connection. The copied header still says WAL, as the
    // source did; rollback-journal mode makes the backup one file that opens anywhere,
    // also read-only.
    auto reopened = open_file(target, SQLITE_OPEN_READWRITE);
    if (!reopened) return store::Error{reopened.error()};
    if (auto intact = integrity_of(reopened.value().get(), target); !intact) return intact;
    auto mode = rows_of(reopened.value().get(), target, "PRAGMA journal_mode=DELETE", "cannot leave WAL mode");
    if (!mode) return store::Error{mode.error()};
    if (mode.value() != std::vector<std::string>{"delete"}) {
        return store::Error{target.string() + ": SQLite did not switch the copy to rollback-journal mode"};
    }
    reopened.value().reset();
    return sync_file(target);
}

}  // namespace

store::Status copy_database(const fs::path& source, const fs::path& target, std::stop_token stop) {
    if (auto claimed = claim(target); !claimed) return claimed;
    auto copied = copy_into(source, target, stop);
    if (!copied) remove_database_files(target);
    return copied;
}

store::Status check_integrity(const fs::path& file) {
    auto connection = open_existing(file, SQLITE_OPEN_READONLY);
    if (!connection) return store::Error{connection.error()};
    return integrity_of(connection.value().get(), file);
}

store::Result<int> recorded_schema_version(const fs::path& file) {
    auto connection = open_existing(file, SQLITE_OPEN_READONLY);
    if (!connection) return store::Error{connection.error()};
    auto tables = rows_of(connection.value().get(), file,
                          "SELECT name FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'",
                          "cannot read the schema");
    if (!tables) return store::Error{tables.error()};
    if (tables.value().empty()) {
        return store::Error{file.string() + " is not a madoguchi database (it has no schema_migrations table)"};
    }
    auto version = rows_of(connection.value().get(), file, "SELECT coalesce(max(version), 0) FROM schema_migrations",
                           "cannot read the schema version");
    if (!version) return store::Error{version.error()};
    return std::stoi(version.value().front());
}

}  // namespace madoguchi::server::backup
