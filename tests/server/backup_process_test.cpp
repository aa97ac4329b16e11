// Backups and restores of a real `madoguchi serve` process under write load, through the
// real binary and real HTTP on loopback.
#include <catch2/catch.hpp>

#include <signal.h>

#include <fstream>
#include <random>
#include <regex>

#include "backup_test_support.hpp"
#include "identity_test_support.hpp"
#include "inquiry_test_support.hpp"
#include "server_test_support.hpp"
#include "store/database.hpp"
#include "store/migrations.hpp"

namespace store = madoguchi::server::store;
namespace fs = std::filesystem;
using madoguchi::testing::InquiryWriters;
using madoguchi::testing::json_of;
using madoguchi::testing::read_only_int;
using madoguchi::testing::read_only_text;
using madoguchi::testing::run_madoguchi;
using madoguchi::testing::ServingProcess;
using madoguchi::testing::TempDir;

namespace {

// Writes inquiries and reads them all (operator), signed in like a browser.
constexpr const char* writer_login = "desk1";

// A migrated database holding the writer's account, as `madoguchi serve` will find it.
fs::path prepared_database(const fs::path& path) {
    REQUIRE(run_madoguchi({"migrate", "--db", path.string()}).exit_code == 0);
    madoguchi::testing::add_user(path, {writer_login, {madoguchi::identity::Role::desk_operator}});
    return path;
}

bool mentions(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

fs::path backup_into(const fs::path& database, const fs::path& folder) {
    fs::create_directories(folder);
    const auto run = run_madoguchi({"backup", "--db", database.string(), "--to", folder.string()});
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    std::smatch match;
    REQUIRE(std::regex_search(run.out, match, std::regex(R"(^(.*\.db) \(\d+ bytes\))")));
    return match[1].str();
}

std::set<std::int64_t> inquiry_ids(const fs::path& database) {
    auto connection = store::Database::open(database);
    REQUIRE(connection);
    auto rows = connection.value().prepare("SELECT id FROM tickets WHERE kind = 'inquiry'");
    REQUIRE(rows);
    std::set<std::int64_t> ids;
    while (true) {
        auto row = rows.value().step();
        REQUIRE(row);
        if (!row.value()) return ids;
        ids.insert(rows.value().column_int(0));
    }
}

std::int64_t served_total(int port) {
    const auto answer = madoguchi::testing::sign_in(port, writer_login).client->Get("/api/v1/inquiries?limit=1");
    REQUIRE(answer);
    REQUIRE(answer->status == 200);
    return json_of(answer)["total"].get<std::int64_t>();
}

void post_inquiries(int port, int count) {
    const auto signed_in = madoguchi::testing::sign_in(port, writer_login);
    for (int i = 0; i < count; ++i) {
        const auto answer =
            madoguchi::testing::post_inquiry(*signed_in.client, madoguchi::testing::sample_inquiry().dump());
        REQUIRE(answer);
        REQUIRE(answer->status == 201);
    }
}

std::vector<std::string> names_in(const fs::path& folder) {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(folder)) names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

std::string content_of(const fs::path& path) {
    std::ifstream file(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
}

}  // namespace

TEST_CASE("a backup taken while the server keeps writing restores to one consistent moment", "[backup][process]") {
    TempDir temp;
    const auto database = prepared_database(temp.path() / "madoguchi.db");
    // About 16 MB of older inquiries, so the copy takes many steps while the writes go on.
    madoguchi::testing::insert_inquiries(database, 8000, 2020, 2000);

    ServingProcess server(database);
    InquiryWriters writers(server.port(), 4, writer_login);
    REQUIRE(writers.wait_for(40));
    const auto before = writers.acknowledged();
    const auto written = backup_into(database, temp.path() / "backups");
    const auto after = writers.acknowledged();
    writers.stop();
    server.end_with(SIGTERM);
    INFO("acknowledged before the backup " << before.size() << ", after it " << after.size());
    // Writes went on while the copy ran: otherwise this test would prove nothing.
    CHECK(after.size() > before.size());

    const auto restored = temp.path() / "restored" / "madoguchi.db";
    const auto restore = run_madoguchi({"restore", written.string(), "--db", restored.string()});
    INFO(restore.err);
    REQUIRE(restore.exit_code == 0);
    CHECK(read_only_text(restored, "PRAGMA integrity_check") == "ok");
    CHECK(read_only_int(restored, "SELECT count(*) FROM inquiries WHERE number_year = 2020") == 8000);

    // Every write acknowledged before the backup began is in it.
    const auto ids = inquiry_ids(restored);
    for (const auto id : before) {
        INFO("inquiry " << id);
        CHECK(ids.count(id) == 1);
    }
    // One moment: the served inquiries form an unbroken run of ids and yearly numbers (the
    // server commits one at a time), each with the audit record of its own transaction, and
    // no more of them than were committed by the backup's end.
    const std::string served = "FROM tickets WHERE kind = 'inquiry'";
    const auto count = read_only_int(restored, "SELECT count(*) " + served);
    CHECK(count >= static_cast<std::int64_t>(before.size()));
    CHECK(count <= static_cast<std::int64_t>(after.size()) + 4);
    CHECK(read_only_int(restored, "SELECT max(id) - min(id) + 1 " + served) == count);
    CHECK(read_only_int(restored, "SELECT max(number_sequence) - min(number_sequence) + 1 " + served) == count);
    CHECK(read_only_int(restored, "SELECT count(*) FROM audit_log WHERE action = 'ticket.created'") == count);
    CHECK(read_only_int(restored, "SELECT count(*) " + served +
                                      " AND NOT EXISTS (SELECT 1 FROM audit_log WHERE action = 'ticket.created'"
                                      " AND object_id = CAST(tickets.id AS TEXT))") == 0);
    // The live database went on past that moment.
    CHECK(static_cast<std::int64_t>(inquiry_ids(database).size()) > count);
}

TEST_CASE("kill -9 of the server while it writes loses no acknowledged write", "[backup][process]") {
    TempDir temp;
    const auto database = prepared_database(temp.path() / "madoguchi.db");
    ServingProcess server(database);
    InquiryWriters writers(server.port(), 4, writer_login);
    REQUIRE(writers.wait_for(300));
    server.end_with(SIGKILL);
    writers.stop();
    const auto acknowledged = writers.acknowledged();
    INFO(acknowledged.size() << " writes acknowledged before the kill");

    // Reopened as the next server would; SQLite recovers the WAL the killed one left.
    const auto ids = inquiry_ids(database);
    std::size_t missing = 0;
    for (const auto id : acknowledged) missing += ids.count(id) == 0 ? 1 : 0;
    CHECK(missing == 0);
    CHECK(read_only_text(database, "PRAGMA integrity_check") == "ok");
    CHECK(read_only_int(database, "SELECT count(*) FROM audit_log WHERE action = 'ticket.created'") ==
          static_cast<std::int64_t>(ids.size()));

    ServingProcess next(database);
    CHECK(served_total(next.port()) == static_cast<std::int64_t>(ids.size()));
}

TEST_CASE("restore waits for the server to stop, then the server serves the restored data", "[backup][process]") {
    TempDir temp;
    const auto database = prepared_database(temp.path() / "var" / "madoguchi.db");
    std::optional<ServingProcess> server(std::in_place, database);
    post_inquiries(server->port(), 3);
    const auto backup = backup_into(database, temp.path() / "backups");
    post_inquiries(server->port(), 2);

    const auto refused = run_madoguchi({"restore", backup.string(), "--db", database.string()});
    CHECK(refused.exit_code == 1);
    std::ifstream lock_file(database.string() + ".lock");
    std::string pid;
    lock_file >> pid;
    CHECK(mentions(refused.err, "a server is running on " + database.string() + " (pid " + pid + "); stop it"));
    CHECK(served_total(server->port()) == 5);
    server.reset();
    CHECK(read_only_int(database, "SELECT count(*) FROM tickets WHERE kind = 'inquiry'") == 5);

    const auto restored = run_madoguchi({"restore", backup.string(), "--db", database.string()});
    INFO(restored.err);
    REQUIRE(restored.exit_code == 0);
    std::smatch kept_match;
    REQUIRE(std::regex_search(restored.out, kept_match, std::regex(R"(kept as (.*before-restore-\d{8}T\d{6}Z))")));
    CHECK(mentions(restored.out, "restored " + backup.string() + " into " + database.string()));
    const fs::path kept = kept_match[1].str();
    CHECK(kept.parent_path() == database.parent_path());
    // No stale WAL beside the restored file, none left over from the copy, and the replaced
    // database whole in one file, so moving it back undoes the restore.
    CHECK(names_in(database.parent_path()) ==
          std::vector<std::string>{"madoguchi.db", kept.filename().string(), "madoguchi.db.lock"});
    CHECK(read_only_int(kept, "SELECT count(*) FROM tickets WHERE kind = 'inquiry'") == 5);
    CHECK(read_only_int(database, "SELECT count(*) FROM tickets WHERE kind = 'inquiry'") == 3);

    server.emplace(database);
    CHECK(served_total(server->port()) == 3);
    post_inquiries(server->port(), 1);
    CHECK(served_total(server->port()) == 4);
}

TEST_CASE("restore refuses a file it cannot trust and changes nothing", "[backup][process]") {
    TempDir temp;
    const auto database = prepared_database(temp.path() / "madoguchi.db");
    {
        ServingProcess server(database);
        post_inquiries(server.port(), 3);
    }
    const auto good = backup_into(database, temp.path() / "backups");
    const auto original = content_of(database);
    const auto candidates = temp.path() / "candidates";
    fs::create_directories(candidates);

    SECTION("a damaged copy") {
        const auto damaged = candidates / "damaged.db";
        fs::copy_file(good, damaged);
        // Random bytes over the pages after the first, where the tables' b-trees live.
        std::mt19937 random(4);
        std::string garbage(fs::file_size(damaged) - 4096, '\0');
        for (auto& byte : garbage) byte = static_cast<char>(random());
        std::fstream(damaged, std::ios::in | std::ios::out | std::ios::binary).seekp(4096).write(garbage.data(),
                                                                                                  garbage.size());
        const auto run = run_madoguchi({"restore", damaged.string(), "--db", database.string()});
        CHECK(run.exit_code == 1);
        CHECK((mentions(run.err, damaged.string() + " fails SQLite's integrity check") ||
               mentions(run.err, damaged.string() + " is damaged")));
        CHECK(mentions(run.err, "Nothing was changed."));
    }
    SECTION("a file that is not SQLite") {
        std::ofstream(candidates / "notes.db") << "議事録\n" << std::string(5000, '-');
        const auto run = run_madoguchi({"restore", (candidates / "notes.db").string(), "--db", database.string()});
        CHECK(run.exit_code == 1);
        CHECK(mentions(run.err, (candidates / "notes.db").string() + " is not a SQLite database"));
    }
    SECTION("a database from a newer madoguchi") {
        const auto newer = candidates / "newer.db";
        fs::copy_file(good, newer);
        {
            auto connection = store::Database::open(newer);
            REQUIRE(connection);
            REQUIRE(connection.value().execute("INSERT INTO schema_migrations VALUES (" +
                                               std::to_string(store::latest_schema_version() + 1) +
                                               ", 'future', '2030-01-01T00:00:00Z')"));
        }
        const auto run = run_madoguchi({"restore", newer.string(), "--db", database.string()});
        CHECK(run.exit_code == 1);
        CHECK(mentions(run.err, "has schema version " + std::to_string(store::latest_schema_version() + 1) +
                                    ", newer than this madoguchi"));
        CHECK(mentions(run.err, "up to version " + std::to_string(store::latest_schema_version())));
    }
    SECTION("an SQLite database that is not madoguchi's") {
        const auto other = candidates / "other.db";
        {
            auto connection = store::Database::open(other);
            REQUIRE(connection);
            REQUIRE(connection.value().execute("CREATE TABLE notes (text TEXT)"));
        }
        const auto run = run_madoguchi({"restore", other.string(), "--db", database.string()});
        CHECK(run.exit_code == 1);
        CHECK(mentions(run.err, other.string() + " is not a madoguchi database"));
    }
    SECTION("a file that is not there") {
        const auto run = run_madoguchi({"restore", (candidates / "gone.db").string(), "--db", database.string()});
        CHECK(run.exit_code == 1);
        CHECK(mentions(run.err, (candidates / "gone.db").string() + " does not exist"));
    }
    SECTION("no file named") {
        CHECK(run_madoguchi({"restore", "--db", database.string()}).exit_code == 2);
    }
    CHECK(content_of(database) == original);
    CHECK(names_in(temp.path()) == std::vector<std::string>{"backups", "candidates", "madoguchi.db", "madoguchi.db.lock"});
}
