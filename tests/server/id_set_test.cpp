// The id set handed to SQL as a BLOB (store/id_set.hpp), through the in_id_set() function every
// connection registers: a query keeps exactly the rows whose ids are in the set.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <vector>

#include "store/database.hpp"
#include "store/id_set.hpp"
#include "support/server_process.hpp"

namespace store = madoguchi::server::store;

TEST_CASE("in_id_set keeps the rows whose ids are in the set and no others", "[store]") {
    const std::vector<std::int64_t> ids{0, 1, 7, 8, 9, 63, 64, 1000};
    const auto blob = store::id_set_blob(ids);
    CHECK(blob.size() == 126);  // up to id 1000: bytes 0–125
    for (std::int64_t id = -3; id < 1100; ++id) {
        INFO("id " << id);
        CHECK(store::id_set_contains(blob, id) == (std::find(ids.begin(), ids.end(), id) != ids.end()));
    }
    CHECK_FALSE(store::id_set_contains(store::id_set_blob({}), 0));
    CHECK_FALSE(store::id_set_contains(store::id_set_blob(std::vector<std::int64_t>{-5}), -5));

    madoguchi::testing::TempDir folder;
    auto database = store::Database::open(folder.path() / "ids.db");
    REQUIRE(database);
    REQUIRE(database.value().execute("CREATE TABLE t (id INTEGER PRIMARY KEY); "
                                     "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) "
                                     "INSERT INTO t SELECT i FROM n;"));
    auto select = database.value().prepare("SELECT id FROM t WHERE in_id_set(id, ?1) ORDER BY id");
    REQUIRE(select);
    select.value().bind_blob(1, blob);
    std::vector<std::int64_t> kept;
    while (select.value().step().value()) kept.push_back(select.value().column_int(0));
    CHECK(kept == std::vector<std::int64_t>{1, 7, 8, 9, 63, 64, 1000});
    // A NULL set (nothing bound) keeps nothing rather than failing the query.
    select.value().reset();
    CHECK_FALSE(select.value().step().value());
}
