#include "store/migrations.hpp"

#include <array>
#include <string>

namespace madoguchi::server::store {
namespace {

// Times are UTC ISO 8601 strings ("2026-11-25T01:00:00Z"), as everywhere in the store.
constexpr std::array migrations{
    Migration{1, "schema_migrations and server_events", R"SQL(
CREATE TABLE schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
) STRICT;

-- Lifecycle of the server process, for operators reading the database after an incident.
CREATE TABLE server_events (
    id INTEGER PRIMARY KEY,
    occurred_at TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('started', 'stopped')),
    detail TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX server_events_by_time ON server_events (occurred_at);
)SQL"},
};

Status apply(Database& database, const Migration& migration) {
    return database.transaction([&]() -> Status {
        // Read again under the write lock: another process may have applied it meanwhile.
        auto current = schema_version(database);
        if (!current) return Error{current.error()};
        if (current.value() >= migration.version) return success();
        if (auto created = database.execute(migration.sql); !created) {
            return Error{"migration " + std::to_string(migration.version) + " failed: " + created.error()};
        }
        auto record = database.prepare(
            "INSERT INTO schema_migrations (version, name, applied_at) "
            "VALUES (?1, ?2, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))");
        if (!record) return Error{record.error()};
        record.value().bind(1, std::int64_t{migration.version}).bind(2, migration.name);
        if (auto inserted = record.value().step(); !inserted) return Error{inserted.error()};
        return success();
    });
}

}  // namespace

std::span<const Migration> all_migrations() { return migrations; }

int latest_schema_version() { return migrations.back().version; }

Result<int> schema_version(Database& database) {
    auto exists = database.table_exists("schema_migrations");
    if (!exists) return Error{exists.error()};
    if (!exists.value()) return 0;
    auto version = database.query_int("SELECT max(version) FROM schema_migrations");
    if (!version) return Error{version.error()};
    return static_cast<int>(version.value().value_or(0));
}

Result<MigrationOutcome> migrate(Database& database) {
    auto current = schema_version(database);
    if (!current) return Error{current.error()};
    const int from_version = current.value();
    if (from_version > latest_schema_version()) {
        return Error{database.path().string() + " has schema version " + std::to_string(from_version) +
                     ", newer than this madoguchi " + MADOGUCHI_VERSION + " knows (up to version " +
                     std::to_string(latest_schema_version()) + "); use a newer madoguchi. The database was not changed."};
    }
    for (const auto& migration : migrations) {
        if (migration.version <= from_version) continue;
        if (auto applied = apply(database, migration); !applied) return Error{applied.error()};
    }
    return MigrationOutcome{from_version, latest_schema_version()};
}

}  // namespace madoguchi::server::store
