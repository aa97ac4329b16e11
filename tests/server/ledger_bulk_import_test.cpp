// A ledger import's commit writes its new devices and their history links many rows to a
// statement (store/multi_row_insert.hpp) with ids and search text given by the server: at and
// around a statement's size each device must come out as one written alone would, and a
// failure anywhere in the commit must leave neither devices nor audit records behind.
#include <catch2/catch.hpp>

#include "audit/audit_verify.hpp"
#include "audit_test_support.hpp"
#include "identity_test_support.hpp"
#include "inquiry_test_support.hpp"
#include "inventory/import_store.hpp"
#include "store/multi_row_insert.hpp"

using namespace madoguchi::testing;
using madoguchi::server::store::insert_rows;
using madoguchi::server::store::RowBinder;
using madoguchi::server::store::rows_per_insert;
using nlohmann::json;
namespace store = madoguchi::server::store;
namespace ledger = madoguchi::server::inventory;
namespace domain = madoguchi::inventory;
namespace audit = madoguchi::server::audit;

namespace {

store::Database opened(const std::filesystem::path& path) {
    auto database = store::Database::open(path);
    REQUIRE(database);
    return std::move(database.value());
}

// `count` tablets BLK-<first>… held by `custodian`, as a devices CSV.
std::string tablets_file(std::size_t first, std::size_t count, const std::string& custodian) {
    std::string file = "資産番号,機器分類,管理者ログインID\r\n";
    for (std::size_t index = first; index < first + count; ++index) {
        file.append("BLK-").append(std::to_string(100000 + index)).append(",公用タブレット,").append(custodian).append("\r\n");
    }
    return file;
}

bool intact_chain(const std::filesystem::path& path) {
    auto database = opened(path);
    const auto report = audit::verify_chain(database);
    REQUIRE(report);
    return report.value().intact();
}

}  // namespace

TEST_CASE("rows go several to a statement: none, one, a statement's worth, one more, and beyond", "[store][import]") {
    TempDir folder;
    const auto path = fresh_database(folder.path());
    auto database = opened(path);
    REQUIRE(database.execute("CREATE TABLE bulk (n INTEGER NOT NULL, label TEXT)"));
    for (const std::size_t count : {std::size_t{0}, std::size_t{1}, rows_per_insert, rows_per_insert + 1,
                                    2 * rows_per_insert + 3}) {
        INFO(count << " rows");
        REQUIRE(database.execute("DELETE FROM bulk"));
        const auto inserted = insert_rows(database, "bulk", {"n", "label"}, count, [](std::size_t index, RowBinder& row) {
            row.bind(1, static_cast<std::int64_t>(index));
            // Odd rows leave their label unbound: NULL, not the label of the row before.
            if (index % 2 == 0) row.bind(2, "row " + std::to_string(index));
        });
        REQUIRE(inserted);
        const auto rows = static_cast<std::int64_t>(count);
        CHECK(count_rows(path, "SELECT count(*) FROM bulk") == rows);
        CHECK(count_rows(path, "SELECT count(DISTINCT n) FROM bulk") == rows);
        CHECK(count_rows(path, "SELECT coalesce(sum(n), 0) FROM bulk") == rows * (rows - 1) / 2);
        CHECK(count_rows(path, "SELECT count(*) FROM bulk WHERE label = 'row ' || n AND n % 2 = 0") == (rows + 1) / 2);
        CHECK(count_rows(path, "SELECT count(*) FROM bulk WHERE label IS NULL AND n % 2 = 1") == rows / 2);
    }
    SECTION("a failing row stops the write with SQLite's message") {
        REQUIRE(database.execute("DELETE FROM bulk"));
        const auto inserted =
            insert_rows(database, "bulk", {"n", "label"}, rows_per_insert + 2, [](std::size_t index, RowBinder& row) {
                if (index != 5) row.bind(1, static_cast<std::int64_t>(index));
            });
        REQUIRE_FALSE(inserted);
        CHECK_THAT(inserted.error(), Catch::Matchers::Contains("NOT NULL"));
    }
}

TEST_CASE("an import of one, a statement's worth and one more devices writes each like a device alone",
          "[inventory][import]") {
    RunningApp server;
    auto desk = signed_in_user(server, {"desk1", {Role::desk_operator}});
    add_user(server, {"keeper", {Role::staff}});
    REQUIRE(run_sql(server.database_path(), "UPDATE users SET name_kana = 'シケン キーパー' WHERE login = 'keeper'"));
    // One device written by the API first: the import's ids follow it.
    const auto single = audited(server, [&] {
        return desk.client->Post("/api/v1/devices",
                                 json{{"asset_tag", "TAB-000001"}, {"class", "tablet"}, {"custodian_login", "keeper"}}.dump(),
                                 "application/json");
    });
    REQUIRE(single->status == 201);

    std::size_t imported = 0;
    for (const auto count : {std::size_t{1}, rows_per_insert, rows_per_insert + 1}) {
        INFO(count << " devices");
        const auto last_id = count_rows(server.database_path(), "SELECT max(id) FROM devices");
        const auto file = tablets_file(imported, count, "keeper");
        const auto answer = audited(server, [&] {
            return desk.client->Post("/api/v1/imports/devices?dry_run=0", file, "text/csv");
        });
        REQUIRE(answer->status == 200);
        CHECK(json_of(answer)["creates"] == count);
        imported += count;
        const auto& path = server.database_path();
        const auto total = static_cast<std::int64_t>(imported);
        CHECK(count_rows(path, "SELECT count(*) FROM devices WHERE asset_tag LIKE 'BLK-%'") == total);
        // Numbered on from the highest id in file order, as SQLite numbers rows inserted one by one.
        CHECK(count_rows(path, "SELECT min(id) FROM devices WHERE id > " + std::to_string(last_id)) == last_id + 1);
        CHECK(count_rows(path, "SELECT max(id) FROM devices") == last_id + static_cast<std::int64_t>(count));
        CHECK(count_rows(path, "SELECT count(*) FROM devices WHERE asset_tag LIKE 'BLK-%' AND "
                               "id - (SELECT min(id) FROM devices WHERE asset_tag LIKE 'BLK-%') <> "
                               "CAST(substr(asset_tag, 5) AS INTEGER) - 100000") == 0);
        // The search text the view of migration 9 gives, for the API's device and the imported ones.
        CHECK(count_rows(path, "SELECT count(*) FROM devices d JOIN device_search_source s ON s.id = d.id "
                               "WHERE d.search_text = s.text") == total + 1);
        // One creation record per device, linked to it, naming it.
        CHECK(count_rows(path, "SELECT count(*) FROM devices d JOIN device_history h ON h.device_id = d.id "
                               "JOIN audit_log a ON a.id = h.audit_id WHERE d.asset_tag LIKE 'BLK-%' AND "
                               "a.action = 'device.created' AND a.object_id = CAST(d.id AS TEXT) AND "
                               "json_extract(a.after_json, '$.asset_tag') = d.asset_tag AND "
                               "json_extract(a.after_json, '$.custodian_name') = '試験 keeper'") == total);
        CHECK(count_rows(path, "SELECT count(*) FROM device_history h JOIN devices d ON d.id = h.device_id "
                               "WHERE d.asset_tag LIKE 'BLK-%'") == total);
        CHECK(intact_chain(path));
    }
    // Found by the custodian's kana typed in hiragana, as the desk searches.
    const auto found = json_of(desk.client->Get("/api/v1/devices?q=%E3%81%8D%E3%83%BC%E3%81%B1%E3%83%BC&limit=500"));
    CHECK(found["total"] == imported + 1);
}

TEST_CASE("a commit failing in the middle of a statement's rows or after them leaves nothing behind",
          "[inventory][import]") {
    TempDir folder;
    const auto path = fresh_database(folder.path());
    auto database = opened(path);
    const audit::Actor actor{"desk1", "operator", "127.0.0.1"};
    domain::AssetFields stored_fields;
    stored_fields.asset_tag = "TAB-000001";
    stored_fields.class_code = "tablet";
    REQUIRE(database.transaction([&]() -> store::Status {
        auto id = ledger::insert_device(database, stored_fields, domain::AssetState::in_stock, madoguchi::calendar::now());
        if (!id) return store::Error{id.error()};
        return audit::record(database, {actor, "device.created", "device", std::to_string(id.value()), std::nullopt,
                                        json{{"asset_tag", "TAB-000001"}}});
    }));
    auto snapshot = ledger::read_ledger_snapshot(database);
    REQUIRE(snapshot);
    const auto& stored = snapshot.value().by_tag.at("TAB-000001");

    domain::DeviceImportPlan plan;
    for (std::size_t index = 0; index < 2 * rows_per_insert; ++index) {
        domain::PlannedDevice row;
        row.line = index + 2;
        row.fields.asset_tag = "BLK-" + std::to_string(100000 + index);
        row.fields.class_code = "tablet";
        plan.rows.push_back(row);
    }
    SECTION("a tag taken in the middle of the second statement") {
        plan.rows[rows_per_insert + rows_per_insert / 2].fields.asset_tag = "TAB-000001";
    }
    SECTION("a stored device changed by someone else, after every new device and its record") {
        domain::PlannedDevice update;
        update.line = plan.rows.size() + 2;
        update.action = domain::ImportAction::update;
        update.fields = stored.fields;
        update.fields.notes = "changed";
        update.stored = &stored;
        plan.rows.push_back(update);
        REQUIRE(run_sql(path, "UPDATE devices SET version = version + 1 WHERE asset_tag = 'TAB-000001'"));
    }
    const auto written = database.transaction(
        [&] { return ledger::write_device_import(database, plan, snapshot.value(), actor); });
    CHECK_FALSE(written);
    CHECK(count_rows(path, "SELECT count(*) FROM devices") == 1);
    CHECK(count_rows(path, "SELECT count(*) FROM audit_log") == 1);
    CHECK(count_rows(path, "SELECT count(*) FROM device_history") == 0);
    CHECK(intact_chain(path));
}
