#include <catch2/catch.hpp>
#include <sys/stat.h>

#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "cli_test_support.hpp"
#include "identity_test_support.hpp"

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
    CHECK(count_of(db, "SELECT count(*) FROM audit_log WHERE actor = 'cli' AND action = 'user.created'") ==
          static_cast<std::int64_t>(credentials.size()));

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
