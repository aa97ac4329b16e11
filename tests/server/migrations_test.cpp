#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "server_test_support.hpp"
#include "store/database.hpp"
#include "store/migrations.hpp"

using madoguchi::testing::run_madoguchi;
using madoguchi::testing::TempDir;
namespace store = madoguchi::server::store;
namespace fs = std::filesystem;

namespace {

store::Database open_database(const fs::path& path) {
    auto database = store::Database::open(path);
    INFO((database ? std::string() : database.error()));
    REQUIRE(database.ok());
    return std::move(database.value());
}

std::int64_t count(store::Database& database, const std::string& sql) {
    auto value = database.query_int(sql);
    REQUIRE(value);
    REQUIRE(value.value());
    return *value.value();
}

std::string text_of(store::Database& database, const std::string& sql) {
    auto statement = database.prepare(sql);
    REQUIRE(statement);
    auto row = statement.value().step();
    REQUIRE(row);
    REQUIRE(row.value());
    return statement.value().column_text(0);
}

std::string file_content(const fs::path& path) {
    std::ifstream file(path, std::ios::binary);
    std::ostringstream content;
    content << file.rdbuf();
    return content.str();
}

}  // namespace

TEST_CASE("migrations are numbered 1, 2, 3… without gaps", "[migrations]") {
    int expected = 1;
    for (const auto& migration : store::all_migrations()) {
        CHECK(migration.version == expected++);
        CHECK_FALSE(migration.name.empty());
        CHECK_FALSE(migration.sql.empty());
    }
    CHECK(store::latest_schema_version() == expected - 1);
}

TEST_CASE("a fresh database gets every migration recorded with its time", "[migrations]") {
    TempDir temp;
    auto database = open_database(temp.path() / "fresh.db");
    const auto outcome = store::migrate(database);
    REQUIRE(outcome);
    CHECK(outcome.value().from_version == 0);
    CHECK(outcome.value().to_version == store::latest_schema_version());
    CHECK(count(database, "SELECT max(version) FROM schema_migrations") == store::latest_schema_version());
    CHECK(count(database, "SELECT count(*) FROM schema_migrations") == store::latest_schema_version());
    const auto applied_at = text_of(database, "SELECT applied_at FROM schema_migrations WHERE version = 1");
    CHECK(applied_at.size() == 20);
    CHECK(applied_at.ends_with("Z"));
    CHECK(text_of(database, "SELECT name FROM schema_migrations WHERE version = 1") ==
          std::string(store::all_migrations().front().name));
}

TEST_CASE("connections use WAL, synchronous=NORMAL and enforce foreign keys", "[migrations]") {
    TempDir temp;
    auto database = open_database(temp.path() / "settings.db");
    CHECK(text_of(database, "PRAGMA journal_mode") == "wal");
    CHECK(count(database, "PRAGMA synchronous") == 1);  // NORMAL
    CHECK(count(database, "PRAGMA foreign_keys") == 1);
}

TEST_CASE("migrating again changes nothing", "[migrations]") {
    TempDir temp;
    const auto path = temp.path() / "again.db";
    std::string first_applied_at;
    {
        auto database = open_database(path);
        REQUIRE(store::migrate(database));
        first_applied_at = text_of(database, "SELECT group_concat(applied_at) FROM schema_migrations");
    }
    auto reopened = open_database(path);
    const auto outcome = store::migrate(reopened);
    REQUIRE(outcome);
    CHECK(outcome.value().from_version == store::latest_schema_version());
    CHECK(outcome.value().to_version == store::latest_schema_version());
    CHECK(count(reopened, "SELECT count(*) FROM schema_migrations") == store::latest_schema_version());
    CHECK(text_of(reopened, "SELECT group_concat(applied_at) FROM schema_migrations") == first_applied_at);
}

TEST_CASE("the migrate command creates the database and its folder", "[migrations][cli]") {
    TempDir temp;
    const auto path = temp.path() / "var" / "nested" / "madoguchi.db";
    const auto run = run_madoguchi({"migrate", "--db", path.string()});
    CHECK(run.exit_code == 0);
    REQUIRE(fs::exists(path));
    auto database = open_database(path);
    CHECK(count(database, "SELECT max(version) FROM schema_migrations") == store::latest_schema_version());
    CHECK(run_madoguchi({"migrate", "--db", path.string()}).exit_code == 0);
    CHECK(count(database, "SELECT count(*) FROM schema_migrations") == store::latest_schema_version());
}

TEST_CASE("a database from a newer madoguchi is refused untouched, naming both versions", "[migrations][cli]") {
    TempDir temp;
    const auto path = temp.path() / "newer.db";
    const int newer = store::latest_schema_version() + 1;
    {
        auto database = open_database(path);
        REQUIRE(store::migrate(database));
        auto insert = database.prepare(
            "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?1, 'from the future', '2030-01-01T00:00:00Z')");
        REQUIRE(insert);
        insert.value().bind(1, std::int64_t{newer});
        REQUIRE(insert.value().step());
    }
    for (const auto& command : {std::vector<std::string>{"migrate", "--db", path.string()},
                                std::vector<std::string>{"serve", "--port", "0", "--db", path.string()}}) {
        INFO(command.front());
        const auto run = run_madoguchi(command);
        CHECK(run.exit_code == 1);
        CHECK(run.out.find("listening") == std::string::npos);
        CHECK(run.err.find("schema version " + std::to_string(newer)) != std::string::npos);
        CHECK(run.err.find("up to version " + std::to_string(store::latest_schema_version())) != std::string::npos);
    }
    auto database = open_database(path);
    CHECK(count(database, "SELECT count(*) FROM schema_migrations") == store::latest_schema_version() + 1);
}

TEST_CASE("a file that is not a SQLite database is refused and left as it was", "[migrations][cli]") {
    TempDir temp;
    const auto path = temp.path() / "notes.db";
    const std::string notes = "these are meeting notes, not a database\n";
    std::ofstream(path) << notes;
    for (const auto& command : {std::vector<std::string>{"migrate", "--db", path.string()},
                                std::vector<std::string>{"serve", "--port", "0", "--db", path.string()}}) {
        INFO(command.front());
        const auto run = run_madoguchi(command);
        CHECK(run.exit_code == 1);
        CHECK(run.err.find(path.string() + " is not a SQLite database") != std::string::npos);
    }
    CHECK(file_content(path) == notes);
}

TEST_CASE("lending inbox entries written before loan references point at their loan after the migration",
          "[migrations][inbox]") {
    TempDir temp;
    auto database = open_database(temp.path() / "inbox.db");
    const auto migrations = store::all_migrations();
    const auto adds_references = std::find_if(migrations.begin(), migrations.end(), [](const auto& migration) {
        return migration.name.find("inbox entries that point at loans") != std::string_view::npos;
    });
    REQUIRE(adds_references != migrations.end());
    // The schema as it was before, with rows the old server wrote (the users and the loan's
    // other rows do not matter here).
    REQUIRE(database.execute("PRAGMA foreign_keys=OFF"));
    for (auto migration = migrations.begin(); migration != adds_references; ++migration) {
        REQUIRE(database.execute(migration->sql));
        if (migration->after) REQUIRE(migration->after(database));
    }
    REQUIRE(database.execute(
        "INSERT INTO loan_requests (id, number, number_year, number_sequence, requester_login, requester_division, class, "
        "quantity, purpose, start_date, due_date, delivery, terms_form, terms_version, state, created_at, updated_at) "
        "VALUES (42, 'LND-2026-00042', 2026, 42, 'sato', 'D-TEST', 'mobile_printer', 1, '出張', '2026-12-01', "
        "'2026-12-04', 'pickup', 'standard', 1, 'approved', '2026-11-20T00:00:00Z', '2026-11-20T00:00:00Z');"
        "INSERT INTO notification_inbox (id, user_id, event, title_ja, body_ja, created_at) VALUES "
        "(1, 7, 'lending.approved', '【窓口】貸出申請が承認されました LND-2026-00042', "
        "'承認されました。\n詳細: /#/lending/requests/42\n', '2026-11-20T00:00:00Z'),"
        "(2, 7, 'lending.approved', '承認', '詳細: /#/lending/requests/999', '2026-11-20T00:00:00Z'),"
        "(3, 7, 'lending.approved', '承認', '{{url}} を消したテンプレート', '2026-11-20T00:00:00Z'),"
        "(4, 7, 'ticket.created', '受付', '/#/lending/requests/42', '2026-11-20T00:00:00Z')"));
    REQUIRE(database.execute(adds_references->sql));

    CHECK(count(database, "SELECT count(*) FROM notification_inbox WHERE id = 1 AND loan_request_id = 42 AND "
                          "loan_request_number = 'LND-2026-00042'") == 1);
    // A link to no loan, no link, or no lending event: nothing to point at.
    CHECK(count(database, "SELECT count(*) FROM notification_inbox WHERE id IN (2, 3, 4) AND loan_request_id IS NULL AND "
                          "loan_request_number = ''") == 3);
}
