#include <catch2/catch.hpp>
#include <sys/stat.h>

#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "cli_test_support.hpp"
#include "identity_test_support.hpp"
#include "inventory/demo_fleet.hpp"
#include "store/database.hpp"

using namespace madoguchi::testing;

namespace {

struct Credential {
    std::string login;
    std::string roles;
    std::string password;
};

// The printed table: login, name (may hold spaces), roles, password.
std::vector<Credential> credentials_in(const std::string& table) {
    std::vector<Credential> credentials;
    std::istringstream lines(table);
    std::string line;
    std::getline(lines, line);
    REQUIRE(line.starts_with("login "));
    while (std::getline(lines, line)) {
        std::istringstream words(line);
        std::vector<std::string> tokens;
        for (std::string word; words >> word;) tokens.push_back(word);
        REQUIRE(tokens.size() >= 4);
        credentials.push_back({tokens.front(), tokens[tokens.size() - 2], tokens.back()});
    }
    return credentials;
}

std::string file_text(const std::filesystem::path& path) {
    std::ifstream file(path);
    return std::string((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
}

}  // namespace

TEST_CASE("seed-demo creates the organisation and accounts of every role that sign in with the printed passwords",
          "[cli][seed]") {
    RunningApp server;
    TempDir temp;
    const auto db = server.database_path().string();
    const auto credentials_file = temp.path() / "demo-credentials.txt";
    const auto seeded = madoguchi_cli({"seed-demo", "--db", db, "--credentials-file", credentials_file.string()});
    INFO(seeded.err);
    REQUIRE(seeded.exit_code == 0);
    const auto credentials = credentials_in(seeded.out);

    std::map<std::string, int> holders;
    std::set<std::string> passwords;
    for (const auto& credential : credentials) {
        ++holders[credential.roles];
        CHECK(credential.password.size() == 16);
        passwords.insert(credential.password);
    }
    CHECK(holders == std::map<std::string, int>{{"staff", 5}, {"manager", 2}, {"operator", 2}, {"it_office", 1},
                                                {"vendor", 2}, {"auditor", 1}, {"admin", 1}});
    CHECK(passwords.size() == credentials.size());
    CHECK(count_of(db, "SELECT count(DISTINCT vendor_company) FROM users WHERE vendor_company <> ''") == 2);
    CHECK(count_of(db, "SELECT count(*) FROM users u JOIN user_roles r ON r.user_id = u.id "
                       "WHERE r.role = 'vendor' AND u.vendor_company = 'リコージャパン株式会社'") == 1);
    for (const auto* name : {"大臣官房", "総務課", "人事課", "会計課", "特許庁", "関東経済産業局", "近畿経済産業局"}) {
        CHECK(count_of(db, std::string("SELECT count(*) FROM divisions WHERE name_ja = '") + name + "'") >= 1);
    }
    CHECK(count_of(db, "SELECT count(*) FROM divisions WHERE code = 'MIN-SOM' AND parent_code = 'MIN'") == 1);
    // The demo accounts and the staff who hold GSS terminals.
    CHECK(count_of(db, "SELECT count(*) FROM audit_log WHERE actor = 'cli' AND action = 'user.created'") ==
          static_cast<std::int64_t>(credentials.size()) + madoguchi::server::inventory::demo_staff_count);

    for (const auto& credential : credentials) {
        INFO(credential.login);
        const auto signed_in = sign_in(server, credential.login, credential.password);
        CHECK(signed_in.user["login"] == credential.login);
    }

    struct stat status {};
    REQUIRE(stat(credentials_file.c_str(), &status) == 0);
    CHECK((status.st_mode & 0777) == 0600);
    const auto written = file_text(credentials_file);
    CHECK(written.starts_with("# Madoguchi demo sign-in details"));
    CHECK(mentions(written, seeded.out));
}

TEST_CASE("seed-demo refuses a database that has users, or skips it when asked", "[cli][seed]") {
    TempDir temp;
    const auto db = (temp.path() / "madoguchi.db").string();
    REQUIRE(madoguchi_cli({"division", "add", "--db", db, "--code", "X", "--name-ja", "局"}).exit_code == 0);
    REQUIRE(madoguchi_cli({"user", "add", "--db", db, "--login", "someone", "--name", "誰か", "--division", "X", "--roles",
                           "staff"})
                .exit_code == 0);
    const auto refused = madoguchi_cli({"seed-demo", "--db", db});
    CHECK(refused.exit_code == 1);
    CHECK(mentions(refused.err, "already has 1 user(s)"));
    CHECK(refused.out.empty());
    const auto skipped = madoguchi_cli({"seed-demo", "--db", db, "--if-no-users"});
    CHECK(skipped.exit_code == 0);
    CHECK(skipped.out.empty());
    CHECK(count_of(db, "SELECT count(*) FROM users") == 1);
    CHECK(count_of(db, "SELECT count(*) FROM divisions") == 1);
    CHECK(madoguchi_cli({"seed-demo", "--help"}).exit_code == 0);
}

TEST_CASE("seed-demo adds the contract's fleet, with a staff member holding each GSS terminal in use, the same for the same seed",
          "[cli][seed][inventory]") {
    TempDir temp;
    const auto fleet_of = [&](const std::string& name, const std::string& seed) {
        const auto db = (temp.path() / name).string();
        const auto seeded = madoguchi_cli({"seed-demo", "--db", db, "--seed", seed});
        INFO(seeded.err);
        REQUIRE(seeded.exit_code == 0);
        CHECK(mentions(seeded.err, "13934 devices, 11300 staff holding GSS terminals"));
        return db;
    };
    const auto db = fleet_of("one.db", "7");
    const std::map<std::string, std::int64_t> contract{
        {"mfp", 573}, {"floor_printer_mono", 86}, {"floor_printer_colour", 64}, {"mobile_printer", 57},
        {"mobile_scanner", 45}, {"business_pc", 159}, {"gss_terminal", 12780}, {"tablet", 170}};
    for (const auto& [device_class, count] : contract) {
        INFO(device_class);
        CHECK(count_of(db, "SELECT count(*) FROM devices WHERE class = '" + device_class + "'") == count);
    }
    CHECK(count_of(db, "SELECT count(*) FROM devices d JOIN users u ON u.login = d.custodian_login "
                       "WHERE d.class = 'gss_terminal' AND d.state = 'on_loan' AND u.name_kana <> ''") == 11300);
    CHECK(count_of(db, "SELECT count(*) FROM devices WHERE class IN ('mfp', 'floor_printer_mono', 'floor_printer_colour') "
                       "AND (network_address = '' OR location_id IS NULL)") == 0);
    CHECK(count_of(db, "SELECT count(*) FROM devices WHERE class = 'tablet' AND state = 'installed'") == 0);
    CHECK(count_of(db, "SELECT count(*) FROM device_history") == 13934);
    // Every polled printer's model has its rated speed (the 設定 tab shows them; billing bounds by them).
    CHECK(count_of(db, "SELECT count(*) FROM devices d LEFT JOIN telemetry_model_speeds s ON s.model_id = d.model_id "
                       "WHERE d.snmp_profile <> '' AND s.pages_per_minute IS NULL") == 0);
    CHECK(count_of(db, "SELECT count(*) FROM telemetry_model_speeds") == 5);
    CHECK(count_of(db, "SELECT pages_per_minute FROM telemetry_model_speeds s JOIN device_models m ON m.id = s.model_id "
                       "WHERE m.name = 'IM C3010'") == 30);
    // A handful of install / move / remove requests, one in each state of the desk's work.
    CHECK(count_of(db, "SELECT count(DISTINCT state) FROM placement_requests") == 6);
    CHECK(count_of(db, "SELECT count(*) FROM placement_requests r JOIN devices d ON d.id = r.device_id "
                       "WHERE r.state NOT IN ('completed', 'rejected', 'cancelled') AND d.state <> 'installed'") == 0);
    CHECK(madoguchi_cli({"audit", "verify", "--db", db}).exit_code == 0);

    // The whole fleet as text: the same seed gives the same, another seed another.
    const auto fingerprint = [](const std::string& path) {
        auto database = madoguchi::server::store::Database::open(path);
        REQUIRE(database);
        auto select = database.value().prepare(
            "SELECT group_concat(asset_tag || state || custodian_login || coalesce(location_id, '') || serial, ',') "
            "FROM (SELECT * FROM devices ORDER BY id)");
        REQUIRE(select);
        REQUIRE(select.value().step());
        return select.value().column_text(0);
    };
    CHECK(fingerprint(fleet_of("same.db", "7")) == fingerprint(db));
    CHECK(fingerprint(fleet_of("other.db", "8")) != fingerprint(db));
}
