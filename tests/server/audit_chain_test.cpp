#include <catch2/catch.hpp>

#include "audit/audit_appender.hpp"
#include "audit/audit_chain.hpp"
#include "audit/audit_verify.hpp"
#include "audit_test_support.hpp"
#include "identity_test_support.hpp"
#include "inquiry_test_support.hpp"
#include "store/migrations.hpp"

using madoguchi::testing::append_records;
using madoguchi::testing::audited;
using madoguchi::testing::count_rows;
using madoguchi::testing::fresh_database;
using madoguchi::testing::json_of;
using madoguchi::testing::Role;
using madoguchi::testing::run_madoguchi;
using madoguchi::testing::run_sql;
using madoguchi::testing::RunningApp;
using madoguchi::testing::sample_inquiry;
using madoguchi::testing::signed_in_user;
using madoguchi::testing::stored_hash;
using madoguchi::testing::tamper;
using madoguchi::testing::TempDir;
namespace audit = madoguchi::server::audit;
namespace store = madoguchi::server::store;
namespace fs = std::filesystem;

namespace {

madoguchi::testing::ProgramRun verify(const fs::path& database) {
    return run_madoguchi({"audit", "verify", "--db", database.string()});
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

store::Database opened(const fs::path& path) {
    auto database = store::Database::open(path);
    REQUIRE(database);
    return std::move(database.value());
}

// Every stored column of every record, and the ids noted as written after the clock went back.
std::vector<std::vector<std::string>> trail_of(store::Database& database) {
    std::vector<std::vector<std::string>> rows;
    auto select = database.prepare(std::string(audit::select_records) + " ORDER BY id");
    REQUIRE(select);
    while (select.value().step().value()) {
        const auto r = audit::read_record(select.value());
        rows.push_back({std::to_string(r.id), r.occurred_at, r.actor, r.actor_roles, r.source_address, r.action,
                        r.object_type, r.object_id, r.before_json.value_or("NULL"), r.after_json.value_or("NULL"),
                        r.prev_hash.value_or("NULL"), r.hash.value_or("NULL")});
    }
    auto steps = database.prepare("SELECT audit_id FROM audit_clock_steps ORDER BY audit_id");
    REQUIRE(steps);
    while (steps.value().step().value()) rows.push_back({"clock step", std::to_string(steps.value().column_int(0))});
    return rows;
}

}  // namespace

TEST_CASE("many records through one appender are stored exactly as the same records written one by one", "[audit]") {
    const audit::Actor actor{"desk1", "operator", "192.0.2.7"};
    std::vector<audit::AuditEntry> entries;
    std::vector<madoguchi::calendar::Instant> times;
    for (int number = 1; number <= 6; ++number) {
        entries.push_back({actor, "device.updated", "device", std::to_string(number),
                           number % 2 == 0 ? std::optional<nlohmann::json>() : nlohmann::json{{"notes", "前"}},
                           nlohmann::json{{"notes", "後 " + std::to_string(number)}}});
        // The fourth is stamped before the third, as after the clock was set back.
        const auto stamp = number == 4 ? "2026-11-25T15:29:00Z" : "2026-11-25T15:3" + std::to_string(number) + ":00Z";
        times.push_back(*madoguchi::calendar::parse_iso8601(stamp).instant);
    }
    TempDir one_by_one_folder;
    TempDir batched_folder;
    auto one_by_one = opened(fresh_database(one_by_one_folder.path()));
    auto batched = opened(fresh_database(batched_folder.path()));
    for (auto* database : {&one_by_one, &batched}) {
        REQUIRE(database->transaction([&] { return audit::record_at(*database, {actor, "first", "test", "0", {}, {}}, times[0]); }));
    }

    REQUIRE(one_by_one.transaction([&]() -> store::Status {
        for (std::size_t index = 0; index < entries.size(); ++index) {
            if (auto recorded = audit::record_at(one_by_one, entries[index], times[index]); !recorded) return recorded;
        }
        return store::success();
    }));
    std::vector<std::int64_t> ids;
    REQUIRE(batched.transaction([&]() -> store::Status {
        auto appender = audit::Appender::open(batched);
        if (!appender) return store::Error{appender.error()};
        for (std::size_t index = 0; index < entries.size(); ++index) {
            auto id = appender.value().append(entries[index], times[index]);
            if (!id) return store::Error{id.error()};
            ids.push_back(id.value());
        }
        return store::success();
    }));

    CHECK(ids == std::vector<std::int64_t>{2, 3, 4, 5, 6, 7});
    const auto batched_trail = trail_of(batched);
    CHECK(batched_trail == trail_of(one_by_one));
    CHECK(batched_trail.back() == std::vector<std::string>{"clock step", "5"});
    const auto report = audit::verify_chain(batched);
    REQUIRE(report);
    CHECK(report.value().intact());
    CHECK(report.value().records == 7);
    // A record written afterwards the usual way joins the same chain.
    REQUIRE(batched.transaction([&] { return audit::record(batched, {actor, "last", "test", "8", {}, {}}); }));
    CHECK(audit::verify_chain(batched).value().intact());
}

TEST_CASE("the records of real API changes form an intact chain that verify confirms", "[audit]") {
    RunningApp server;
    auto admin = signed_in_user(server, {"admin1", {Role::admin}});
    auto staff = signed_in_user(server, {"staff1", {Role::staff}});
    const auto created = audited(server, [&] {
        return admin.client->Post("/api/v1/users",
                                  nlohmann::json{{"login", "new.user"}, {"name", "新 利用者"}, {"division_code", "D-TEST"},
                                                 {"roles", {"staff"}}}
                                      .dump(),
                                  "application/json");
    });
    REQUIRE(created);
    REQUIRE(created->status == 201);
    const auto user_id = std::to_string(json_of(created)["user"]["id"].get<int>());
    CHECK(audited(server, [&] {
              return admin.client->Patch(("/api/v1/users/" + user_id).c_str(), R"({"name":"改 利用者"})", "application/json");
          })->status == 200);
    for (int number = 0; number < 3; ++number) {
        CHECK(audited(server, [&] {
                  return staff.client->Post("/api/v1/inquiries", sample_inquiry().dump(), "application/json");
              })->status == 201);
    }
    // A denial and a failed sign-in are records of the chain too.
    CHECK(staff.client->Get("/api/v1/audit")->status == 403);
    CHECK(server.client()->Post("/api/v1/session", R"({"login":"staff1","password":"wrong password!"})", "application/json")
              ->status == 401);

    const auto records = count_rows(server.database_path(), "SELECT count(*) FROM audit_log");
    CHECK(records >= 6);
    const auto run = verify(server.database_path());
    INFO(run.out << run.err);
    CHECK(run.exit_code == 0);
    CHECK(run.out == std::to_string(records) + " records, chain intact (last hash " +
                         stored_hash(server.database_path(), records) + ")\n");

    auto auditor = signed_in_user(server, {"auditor1", {Role::auditor}});
    const auto answer = json_of(auditor.client->Get("/api/v1/audit/verify"));
    CHECK(answer["intact"] == true);
    CHECK(answer["records"].get<std::int64_t>() == records + 1);  // the auditor's own sign-in
    CHECK(answer["first_broken"].is_null());
}

TEST_CASE("each record's prev_hash is the previous record's hash, starting from the fixed genesis value", "[audit]") {
    TempDir temp;
    const auto database = fresh_database(temp.path());
    append_records(database, 3);
    CHECK(count_rows(database, "SELECT count(*) FROM audit_log WHERE id = 1 AND prev_hash = '" +
                                   std::string(audit::genesis_hash) + "'") == 1);
    CHECK(count_rows(database, "SELECT count(*) FROM audit_log AS a JOIN audit_log AS b ON b.id = a.id + 1 "
                               "WHERE b.prev_hash = a.hash") == 2);
    CHECK(count_rows(database, "SELECT count(DISTINCT hash) FROM audit_log WHERE length(hash) = 64") == 3);
}

TEST_CASE("NULL and an empty text hash differently", "[audit]") {
    audit::StoredRecord record{1, "2026-11-25T15:30:00Z", "a", "", "", "x.y", "x", "1", std::nullopt, "{}",
                               std::nullopt, std::nullopt};
    auto with_empty = record;
    with_empty.before_json = "";
    CHECK(audit::record_hash(audit::genesis_hash, record) != audit::record_hash(audit::genesis_hash, with_empty));
    // Moving a character from one column to the next changes the hash too.
    const audit::StoredRecord shifted{1, "2026-11-25T15:30:00Z", "a", "", "", "x", ".y", "1", std::nullopt, "{}",
                                      std::nullopt, std::nullopt};
    const audit::StoredRecord original{1, "2026-11-25T15:30:00Z", "a", "", "", "x.", "y", "1", std::nullopt, "{}",
                                       std::nullopt, std::nullopt};
    CHECK(audit::record_hash(audit::genesis_hash, shifted) != audit::record_hash(audit::genesis_hash, original));
}

TEST_CASE("records written before the chain existed are chained by migration 6", "[audit][migrations]") {
    TempDir temp;
    const auto path = temp.path() / "old.db";
    {
        auto opened = store::Database::open(path);
        REQUIRE(opened);
        auto& database = opened.value();
        for (const auto& migration : store::all_migrations()) {
            if (migration.version > 5) break;
            REQUIRE(database.execute(migration.sql));
            REQUIRE(database.execute("INSERT INTO schema_migrations VALUES (" + std::to_string(migration.version) +
                                     ", 'm', '2026-01-01T00:00:00Z')"));
        }
        REQUIRE(database.execute(
            "INSERT INTO audit_log (occurred_at, actor, action, object_type, object_id, before_json, after_json) VALUES "
            "('2026-11-20T01:00:00Z', 'staff1', 'inquiry.created', 'inquiry', '1', NULL, '{\"subject\":\"a\"}'),"
            "('2026-11-21T01:00:00Z', 'system', 'inquiry.changed', 'inquiry', '1', '{}', ''),"
            "('2026-11-22T01:00:00Z', 'staff2', 'inquiry.created', 'inquiry', '2', NULL, '{\"subject\":\"b\"}')"));
    }
    const auto migrated = run_madoguchi({"migrate", "--db", path.string()});
    INFO(migrated.err);
    REQUIRE(migrated.exit_code == 0);
    CHECK(count_rows(path, "SELECT count(*) FROM audit_log WHERE hash IS NULL OR prev_hash IS NULL") == 0);
    auto opened = store::Database::open(path);
    REQUIRE(opened);
    auto report = audit::verify_chain(opened.value());
    REQUIRE(report);
    CHECK(report.value().records == 3);
    CHECK(report.value().intact());
    // New records continue the same chain.
    append_records(path, 2);
    const auto run = verify(path);
    CHECK(run.exit_code == 0);
    CHECK(contains(run.out, "5 records, chain intact"));
}

TEST_CASE("UPDATE and DELETE of audit records are refused by the database itself", "[audit]") {
    TempDir temp;
    const auto database = fresh_database(temp.path());
    append_records(database, 3);
    const auto updated = run_sql(database, "UPDATE audit_log SET after_json = '{}' WHERE id = 2");
    REQUIRE_FALSE(updated);
    CHECK(contains(updated.error(), "audit_log is append-only"));
    const auto deleted = run_sql(database, "DELETE FROM audit_log WHERE id = 3");
    REQUIRE_FALSE(deleted);
    CHECK(contains(deleted.error(), "audit_log is append-only"));
    CHECK_FALSE(run_sql(database, "DELETE FROM audit_log"));
    CHECK(count_rows(database, "SELECT count(*) FROM audit_log") == 3);
    CHECK(verify(database).exit_code == 0);
}

TEST_CASE("verify names a record whose content was changed", "[audit]") {
    TempDir temp;
    const auto database = fresh_database(temp.path());
    append_records(database, 5);
    tamper(database, "UPDATE audit_log SET after_json = '{\"number\":99}' WHERE id = 3");
    const auto run = verify(database);
    INFO(run.out << run.err);
    CHECK(run.exit_code == 1);
    CHECK(contains(run.out, "chain broken at record 3 ("));
    CHECK(contains(run.out, "content changed"));
    CHECK(contains(run.out, "5 records checked"));

    auto opened = store::Database::open(database);
    REQUIRE(opened);
    const auto report = audit::verify_chain(opened.value());
    REQUIRE(report);
    REQUIRE(report.value().first_broken);
    CHECK(report.value().first_broken->id == 3);
    CHECK(report.value().first_broken->reason == "hash_mismatch");
    CHECK(report.value().first_broken->occurred_at.ends_with("Z"));
}

TEST_CASE("verify names the record after a removed one", "[audit]") {
    TempDir temp;
    const auto database = fresh_database(temp.path());
    append_records(database, 5);

    SECTION("in the middle") {
        tamper(database, "DELETE FROM audit_log WHERE id = 3");
        const auto run = verify(database);
        INFO(run.out);
        CHECK(run.exit_code == 1);
        CHECK(contains(run.out, "chain broken at record 4 ("));
        CHECK(contains(run.out, "ids not consecutive: it follows record 2"));
        CHECK(contains(run.out, "does not match the previous record's hash"));
    }
    SECTION("the first") {
        tamper(database, "DELETE FROM audit_log WHERE id = 1");
        const auto run = verify(database);
        INFO(run.out);
        CHECK(run.exit_code == 1);
        CHECK(contains(run.out, "chain broken at record 2 ("));
        CHECK(contains(run.out, "chain's starting value"));
    }
}

TEST_CASE("verify finds records rewritten or inserted with hashes of their own", "[audit]") {
    TempDir temp;
    const auto database = fresh_database(temp.path());
    append_records(database, 4);

    SECTION("a record inserted after the last, hashed over its own content but not linked") {
        audit::StoredRecord forged{5, "2026-11-26T00:00:00Z", "intruder", "admin", "", "user.created", "user", "77",
                                   std::nullopt, "{}", std::string(audit::genesis_hash), std::nullopt};
        forged.hash = audit::record_hash(*forged.prev_hash, forged);
        tamper(database, "INSERT INTO audit_log (id, occurred_at, actor, actor_roles, source_address, action, "
                         "object_type, object_id, after_json, prev_hash, hash) VALUES (5, '2026-11-26T00:00:00Z', "
                         "'intruder', 'admin', '', 'user.created', 'user', '77', '{}', '" +
                             *forged.prev_hash + "', '" + *forged.hash + "')");
        const auto run = verify(database);
        INFO(run.out);
        CHECK(run.exit_code == 1);
        CHECK(contains(run.out, "chain broken at record 5 ("));
        CHECK(contains(run.out, "does not match the previous record's hash"));
        CHECK_FALSE(contains(run.out, "content changed"));
    }
    SECTION("a record rewritten and re-hashed breaks the link to the next") {
        audit::StoredRecord rewritten{2,  "2026-11-26T00:00:00Z", "tester", "admin", "192.0.2.1", "test.event", "test",
                                      "2", std::nullopt, "{\"number\":200}", stored_hash(database, 1), std::nullopt};
        rewritten.hash = audit::record_hash(*rewritten.prev_hash, rewritten);
        tamper(database, "UPDATE audit_log SET occurred_at = '2026-11-26T00:00:00Z', after_json = '{\"number\":200}', "
                         "hash = '" + *rewritten.hash + "' WHERE id = 2");
        const auto run = verify(database);
        INFO(run.out);
        CHECK(run.exit_code == 1);
        CHECK(contains(run.out, "chain broken at record 3 ("));
        CHECK(contains(run.out, "prev_hash"));
    }
}

TEST_CASE("audit verify explains what it cannot check", "[audit][cli]") {
    TempDir temp;
    SECTION("no file") {
        const auto run = verify(temp.path() / "missing.db");
        CHECK(run.exit_code == 1);
        CHECK(contains(run.err, "no database file at"));
        CHECK_FALSE(fs::exists(temp.path() / "missing.db"));
    }
    SECTION("a database before the chain") {
        const auto path = temp.path() / "old.db";
        {
            auto opened = store::Database::open(path);
            REQUIRE(opened);
            REQUIRE(opened.value().execute(std::string(store::all_migrations().front().sql)));
            REQUIRE(opened.value().execute("INSERT INTO schema_migrations VALUES (1, 'm', '2026-01-01T00:00:00Z')"));
        }
        const auto run = verify(path);
        CHECK(run.exit_code == 1);
        CHECK(contains(run.err, "run 'madoguchi migrate --db"));
    }
    SECTION("an empty trail is intact") {
        const auto run = verify(fresh_database(temp.path()));
        CHECK(run.exit_code == 0);
        CHECK(run.out == "0 records, chain intact (last hash none: the trail is empty)\n");
    }
    SECTION("usage") {
        CHECK(run_madoguchi({"audit"}).exit_code == 2);
        CHECK(run_madoguchi({"audit", "check"}).exit_code == 2);
        CHECK(run_madoguchi({"audit", "verify", "--database", "x"}).exit_code == 2);
        const auto help = run_madoguchi({"audit", "verify", "--help"});
        CHECK(help.exit_code == 0);
        CHECK(contains(help.out, "first broken link"));
        CHECK(contains(run_madoguchi({"--help"}).out, "audit"));
    }
}
