#pragma once
// Schema migrations: numbered in code, applied in order at start (serve and migrate), each
// inside its own transaction and recorded in schema_migrations.
#include <span>
#include <string_view>

#include "store/database.hpp"

namespace madoguchi::server::store {

struct Migration {
    int version;  // 1, 2, 3, … without gaps
    std::string_view name;
    std::string_view sql;
    // A step SQL cannot express (e.g. hashing existing rows), run after `sql` in the same
    // transaction; nullptr for most.
    Status (*after)(Database&) = nullptr;
};

std::span<const Migration> all_migrations();
int latest_schema_version();

// The highest version recorded in the database; 0 for a database never migrated.
Result<int> schema_version(Database& database);

struct MigrationOutcome {
    int from_version = 0;
    int to_version = 0;
};

// Applies every migration the database lacks. Refuses, without touching it, a database
// whose recorded version is newer than this program knows.
Result<MigrationOutcome> migrate(Database& database);

}  // namespace madoguchi::server::store
