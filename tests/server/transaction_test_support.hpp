#pragma once
// Writes into a server's database file from the test itself, as a command such as seed-demo
// does beside a running server: one transaction, which must succeed.
#include <catch2/catch.hpp>

#include <filesystem>
#include <functional>

#include "store/database.hpp"

namespace madoguchi::testing {

inline void write_in_transaction(const std::filesystem::path& database_path,
                                 const std::function<server::store::Status(server::store::Database&)>& write) {
    auto database = server::store::Database::open(database_path);
    REQUIRE(database);
    const auto done = database.value().transaction([&] { return write(database.value()); });
    INFO((done ? "" : done.error()));
    REQUIRE(done);
}

}  // namespace madoguchi::testing
