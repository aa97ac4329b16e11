#include "store/database.hpp"

#include <sqlite3.h>

#include <system_error>
#include <utility>

#include "store/id_set.hpp"
#include "text/search_fold.hpp"

namespace madoguchi::server::store {

namespace {

// Enough for every statement the server uses; beyond it, statements are simply finalised.
constexpr std::size_t max_cached_statements = 256;

// search_fold(text): the text as searches compare it (kana, width and case folded), so SQL
// finds what the client's own filter finds.
void search_fold(sqlite3_context* context, int, sqlite3_value** values) {
    const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(values[0]));
    if (text == nullptr) {
        sqlite3_result_null(context);
        return;
    }
    const auto folded = madoguchi::text::fold_for_search({text, static_cast<std::size_t>(sqlite3_value_bytes(values[0]))});
    sqlite3_result_text(context, folded.data(), static_cast<int>(folded.size()), SQLITE_TRANSIENT);
}

// contains(text, part): whether part occurs in text. SQLite's instr() compares at every
// character (a memcmp each), which made a search of 14,000 devices' texts take milliseconds;
// string_view::find skips ahead to the first byte's next occurrence. Byte-wise matching is
// right for UTF-8: a whole character sequence cannot start inside another character.
void contains(sqlite3_context* context, int, sqlite3_value** values) {
    const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(values[0]));
    const auto* part = reinterpret_cast<const char*>(sqlite3_value_text(values[1]));
    if (text == nullptr || part == nullptr) {
        sqlite3_result_null(context);
        return;
    }
    const std::string_view haystack(text, static_cast<std::size_t>(sqlite3_value_bytes(values[0])));
    const std::string_view needle(part, static_cast<std::size_t>(sqlite3_value_bytes(values[1])));
    sqlite3_result_int(context, haystack.find(needle) != std::string_view::npos ? 1 : 0);
}

// in_id_set(id, set): see id_set.hpp.
void in_id_set(sqlite3_context* context, int, sqlite3_value** values) {
    const auto* bytes = static_cast<const char*>(sqlite3_value_blob(values[1]));
    const std::string_view blob(bytes ? bytes : "", bytes ? static_cast<std::size_t>(sqlite3_value_bytes(values[1])) : 0);
    sqlite3_result_int(context, id_set_contains(blob, sqlite3_value_int64(values[0])) ? 1 : 0);
}

}  // namespace

Statement::Statement(Statement&& other) noexcept
    : statement_(std::exchange(other.statement_, nullptr)), owner_(std::exchange(other.owner_, nullptr)) {}

Statement& Statement::operator=(Statement&& other) noexcept {
    if (this != &other) {
        release();
        statement_ = std::exchange(other.statement_, nullptr);
        owner_ = std::exchange(other.owner_, nullptr);
    }
    return *this;
}

Statement::~Statement() { release(); }

void Statement::release() {
    if (statement_ == nullptr) return;
    if (owner_ != nullptr) {
        owner_->recycle(std::exchange(statement_, nullptr));
    } else {
        sqlite3_finalize(std::exchange(statement_, nullptr));
    }
}

Statement& Statement::bind(int index, std::string_view text) {
    sqlite3_bind_text(statement_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
    return *this;
}

Statement& Statement::bind(int index, std::int64_t number) {
    sqlite3_bind_int64(statement_, index, number);
    return *this;
}

Statement& Statement::bind_blob(int index, std::string_view bytes) {
    sqlite3_bind_blob64(statement_, index, bytes.data(), bytes.size(), SQLITE_TRANSIENT);
    return *this;
}

Result<bool> Statement::step() {
    switch (sqlite3_step(statement_)) {
        case SQLITE_ROW: return true;
        case SQLITE_DONE: return false;
        default: return Error{sqlite3_errmsg(sqlite3_db_handle(statement_))};
    }
}

Statement& Statement::reset() {
    sqlite3_reset(statement_);
    sqlite3_clear_bindings(statement_);
    return *this;
}

std::int64_t Statement::column_int(int column) const { return sqlite3_column_int64(statement_, column); }

std::string Statement::column_text(int column) const {
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement_, column));
    return text ? std::string(text, static_cast<std::size_t>(sqlite3_column_bytes(statement_, column))) : std::string();
}

std::string Statement::column_blob(int column) const {
    const auto* bytes = static_cast<const char*>(sqlite3_column_blob(statement_, column));
    return bytes ? std::string(bytes, static_cast<std::size_t>(sqlite3_column_bytes(statement_, column))) : std::string();
}

bool Statement::column_is_null(int column) const { return sqlite3_column_type(statement_, column) == SQLITE_NULL; }

Result<Database> Database::open(const std::filesystem::path& path) {
    if (path.has_parent_path()) {
        std::error_code failure;
        std::filesystem::create_directories(path.parent_path(), failure);
        if (failure) return Error{"cannot create folder " + path.parent_path().string() + ": " + failure.message()};
    }
    sqlite3* connection = nullptr;
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX;
    const int opened = sqlite3_open_v2(path.c_str(), &connection, flags, nullptr);
    Database database(connection, path);
    if (opened != SQLITE_OK) return database.error("cannot open database");
    sqlite3_extended_result_codes(connection, 1);
    if (auto configured = database.configure(); !configured) return Error{configured.error()};
    return database;
}

Database::Database(sqlite3* connection, std::filesystem::path path) : connection_(connection), path_(std::move(path)) {}

Database::Database(Database&& other) noexcept
    : connection_(std::exchange(other.connection_, nullptr)),
      path_(std::move(other.path_)),
      cached_(std::move(other.cached_)) {
    other.cached_.clear();
}

Database& Database::operator=(Database&& other) noexcept {
    if (this != &other) {
        finalize_cached();
        sqlite3_close_v2(connection_);
        connection_ = std::exchange(other.connection_, nullptr);
        path_ = std::move(other.path_);
        cached_ = std::move(other.cached_);
        other.cached_.clear();
    }
    return *this;
}

Database::~Database() {
    finalize_cached();
    sqlite3_close_v2(connection_);
}

void Database::finalize_cached() {
    for (auto& [sql, statement] : cached_) sqlite3_finalize(statement);
    cached_.clear();
}

void Database::recycle(sqlite3_stmt* statement) {
    sqlite3_reset(statement);
    sqlite3_clear_bindings(statement);
    if (cached_.size() >= max_cached_statements) {
        sqlite3_finalize(statement);
        return;
    }
    cached_.emplace(sqlite3_sql(statement), statement);
}

Error Database::error(std::string_view doing) const {
    if (connection_ && sqlite3_errcode(connection_) == SQLITE_NOTADB) {
        return Error{path_.string() + " is not a SQLite database"};
    }
    const char* reason = connection_ ? sqlite3_errmsg(connection_) : "out of memory";
    return Error{path_.string() + ": " + std::string(doing) + ": " + reason};
}

Status Database::configure() {
    // Writers wait for each other (another process migrating, a backup) instead of failing.
    sqlite3_busy_timeout(connection_, 5000);
    // The journal-mode query is the first read of the file, so it is also where a file
    // that is not a database shows itself.
    auto mode = prepare("PRAGMA journal_mode=WAL");
    if (!mode) return Error{mode.error()};
    auto row = mode.value().step();
    if (!row) return error("cannot switch to WAL mode");
    if (!row.value() || mode.value().column_text(0) != "wal") {
        return Error{path_.string() + ": SQLite refused WAL mode (is the file on a network share?)"};
    }
    // In WAL mode, synchronous=NORMAL keeps every committed transaction when the process
    // crashes or is killed; only a power loss or OS crash can drop the last commits.
    // FULL would add an fsync per commit for that case alone.
    if (sqlite3_create_function_v2(connection_, "search_fold", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr,
                                   search_fold, nullptr, nullptr, nullptr) != SQLITE_OK) {
        return error("cannot register search_fold()");
    }
    if (sqlite3_create_function_v2(connection_, "contains", 2, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr, contains,
                                   nullptr, nullptr, nullptr) != SQLITE_OK) {
        return error("cannot register contains()");
    }
    if (sqlite3_create_function_v2(connection_, "in_id_set", 2, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr, in_id_set,
                                   nullptr, nullptr, nullptr) != SQLITE_OK) {
        return error("cannot register in_id_set()");
    }
    // Bulk writes (a 40,000-row ledger import in one transaction) stay off the disk until
    // the commit: each statement's rollback journal (needed where a trigger writes, as when
    // a device's tag changes) lives in memory instead of a temporary file written page by page, and the
    // page cache holds up to 64 MiB (SQLite's default is 2 MiB) before spilling to the WAL.
    // Memory is taken only as used.
    return execute("PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA temp_store=MEMORY; "
                   "PRAGMA cache_size=-65536;");
}

Status Database::execute(std::string_view sql) {
    const std::string statements(sql);
    if (sqlite3_exec(connection_, statements.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) {
        return error("query failed");
    }
    return success();
}

Result<Statement> Database::prepare(std::string_view sql) {
    if (const auto found = cached_.find(std::string(sql)); found != cached_.end()) {
        auto* statement = found->second;
        cached_.erase(found);
        return Statement(statement, this);
    }
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(connection_, sql.data(), static_cast<int>(sql.size()), &statement, nullptr) != SQLITE_OK) {
        return error("cannot prepare query");
    }
    return Statement(statement, this);
}

Result<std::optional<std::int64_t>> Database::query_int(std::string_view sql) {
    auto statement = prepare(sql);
    if (!statement) return Error{statement.error()};
    auto row = statement.value().step();
    if (!row) return error("query failed");
    if (!row.value() || statement.value().column_is_null(0)) return std::optional<std::int64_t>();
    return std::optional<std::int64_t>(statement.value().column_int(0));
}

std::int64_t Database::changes() const { return sqlite3_changes64(connection_); }

std::int64_t Database::last_insert_id() const { return sqlite3_last_insert_rowid(connection_); }

Result<bool> Database::table_exists(std::string_view name) {
    auto statement = prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?1");
    if (!statement) return Error{statement.error()};
    statement.value().bind(1, name);
    auto row = statement.value().step();
    if (!row) return error("cannot read the schema");
    return row.value();
}

Status Database::transaction(const std::function<Status()>& body) {
    if (auto begun = execute("BEGIN IMMEDIATE"); !begun) return begun;
    auto outcome = body();
    if (!outcome) {
        // Keep the body's message, which says what failed; the rollback's own is secondary.
        (void)execute("ROLLBACK");
        return outcome;
    }
    if (auto committed = execute("COMMIT"); !committed) {
        (void)execute("ROLLBACK");
        return committed;
    }
    return success();
}

}  // namespace madoguchi::server::store
