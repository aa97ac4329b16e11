#pragma once
// A database as an older release left it: the migrations before `version` applied and
// recorded, so a test can put rows in the old shape and then run the migration under test.
#include <catch2/catch.hpp>

#include <string>

#include "store/database.hpp"
#include "store/migrations.hpp"

namespace madoguchi::testing {

inline void migrate_below(server::store::Database& database, int version) {
    for (const auto& migration : server::store::all_migrations()) {
        if (migration.version >= version) break;
        REQUIRE(database.execute(migration.sql));
        if (migration.after) REQUIRE(migration.after(database));
        REQUIRE(database.execute("INSERT INTO schema_migrations VALUES (" + std::to_string(migration.version) +
                                 ", 'm', '2026-01-01T00:00:00Z')"));
    }
}

}  // namespace madoguchi::testing
