#pragma once
// A small RAII layer over SQLite's C API: one connection, prepared statements, transactions.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "store/result.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace madoguchi::server::store {

class Database;

// A prepared statement. One from Database::prepare() goes back to its database's cache when
// destroyed (reset, bindings cleared), so the next prepare() of the same SQL skips SQLite's
// parser; a Statement must therefore not outlive its Database, nor the Database be moved
// while one is alive.
class Statement {
public:
    explicit Statement(sqlite3_stmt* statement, Database* owner = nullptr) : statement_(statement), owner_(owner) {}
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&& other) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    ~Statement();

    // Parameters are 1-based, as in SQLite.
    Statement& bind(int index, std::string_view text);
    Statement& bind(int index, std::int64_t number);
    // Bytes as a BLOB (files), not text.
    Statement& bind_blob(int index, std::string_view bytes);

    // True when a row is ready to read, false when the statement has finished.
    Result<bool> step();
    // Ready to bind and run again (bulk imports reuse one prepared statement per row).
    Statement& reset();

    std::int64_t column_int(int column) const;
    std::string column_text(int column) const;
    std::string column_blob(int column) const;
    bool column_is_null(int column) const;

private:
    void release();

    sqlite3_stmt* statement_;
    Database* owner_;
};

class Database {
public:
    // Opens the file (creating it and its folder when missing) and applies the connection
    // settings; fails with a clear message when the file is not a SQLite database.
    static Result<Database> open(const std::filesystem::path& path);

    Database(Database&& other) noexcept;
    Database& operator=(Database&& other) noexcept;
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;
    ~Database();

    const std::filesystem::path& path() const { return path_; }

    // Runs one or more statements that return no rows.
    Status execute(std::string_view sql);
    Result<Statement> prepare(std::string_view sql);
    // The first column of the first row; empty when there is no row or it is NULL.
    Result<std::optional<std::int64_t>> query_int(std::string_view sql);
    Result<bool> table_exists(std::string_view name);
    // Rows changed by the last INSERT, UPDATE or DELETE on this connection.
    std::int64_t changes() const;
    // The rowid of the last INSERT on this connection. Cheaper than RETURNING, which builds a
    // temporary table per row: it matters to a 40,000-row import.
    std::int64_t last_insert_id() const;

    // Runs `body` inside BEGIN IMMEDIATE … COMMIT, rolling back when it fails. IMMEDIATE
    // takes the write lock up front, so two processes never interleave read-then-write.
    Status transaction(const std::function<Status()>& body);

private:
    friend class Statement;
    // Takes back a finished statement for reuse.
    void recycle(sqlite3_stmt* statement);
    void finalize_cached();

    Database(sqlite3* connection, std::filesystem::path path);
    Error error(std::string_view doing) const;
    Status configure();

    sqlite3* connection_;
    std::filesystem::path path_;
    // Idle prepared statements by their SQL text.
    std::unordered_multimap<std::string, sqlite3_stmt*> cached_;
};

// One connection shared by the server's request threads, used by one thread at a time.
class SharedDatabase {
public:
    explicit SharedDatabase(Database database) : database_(std::move(database)) {}

    template <class Work>
    auto use(Work&& work) {
        std::scoped_lock lock(mutex_);
        return work(database_);
    }

private:
    std::mutex mutex_;
    Database database_;
};

}  // namespace madoguchi::server::store
