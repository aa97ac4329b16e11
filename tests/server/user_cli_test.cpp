#include <catch2/catch.hpp>
#include <poll.h>
#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli_test_support.hpp"
#include "identity_test_support.hpp"

using namespace madoguchi::testing;

namespace {

constexpr const char* password = "kasumigaseki-2026";

// The server running on its own database, and the command line working on the same file
// (as an operator would while it serves).
struct Desk {
    RunningApp server;
    std::string db = server.database_path().string();
    TempDir temp;

    Desk() {
        REQUIRE(run({"division", "add", "--code", "MIN", "--name-ja", "大臣官房"}).exit_code == 0);
        REQUIRE(run({"division", "add", "--code", "MIN-SOM", "--name-ja", "総務課", "--parent", "MIN"}).exit_code == 0);
        REQUIRE(run({"division", "add", "--code", "JPO", "--name-ja", "特許庁"}).exit_code == 0);
    }

    ProgramRun run(std::vector<std::string> arguments, const std::string& input = {}) const {
        arguments.insert(arguments.begin() + 2, {"--db", db});
        return madoguchi_cli(arguments, input);
    }
    ProgramRun add(const std::string& login, const std::string& roles, const std::string& input = {},
                   std::vector<std::string> extra = {}) const {
        std::vector<std::string> arguments{"user", "add", "--login", login, "--name", "試験 太郎", "--division", "MIN-SOM",
                                           "--roles", roles};
        arguments.insert(arguments.end(), extra.begin(), extra.end());
        return run(arguments, input);
    }
    std::int64_t users() const { return count_of(db, "SELECT count(*) FROM users"); }
    int sign_in_status(const std::string& login, const std::string& secret) const {
        const auto response = server.client()->Post(
            "/api/v1/session", nlohmann::json{{"login", login}, {"password", secret}}.dump(), "application/json");
        REQUIRE(response);
        return response->status;
    }
};

// The command run on a pseudo-terminal, as an operator at a console runs it: each time
// the output so far ends with a prompt, the next answer is typed. Gives the exit code and
// everything the terminal showed.
std::pair<int, std::string> run_on_terminal(const std::vector<std::string>& arguments,
                                            const std::vector<std::string>& answers) {
    // Prepared before the fork: the server's threads may hold the allocator's lock.
    std::vector<std::string> command{MADOGUCHI_BINARY};
    command.insert(command.end(), arguments.begin(), arguments.end());
    std::vector<char*> argv;
    for (auto& argument : command) argv.push_back(argument.data());
    argv.push_back(nullptr);
    int terminal = -1;
    const pid_t child = forkpty(&terminal, nullptr, nullptr, nullptr);
    REQUIRE(child >= 0);
    if (child == 0) {
        execv(argv[0], argv.data());
        _exit(127);
    }
    std::string shown;
    std::size_t answered = 0;
    while (true) {
        pollfd watched{terminal, POLLIN, 0};
        if (poll(&watched, 1, 20000) <= 0) break;
        char buffer[512];
        const auto count = read(terminal, buffer, sizeof buffer);
        if (count <= 0) break;
        shown.append(buffer, static_cast<std::size_t>(count));
        if (answered < answers.size() && shown.ends_with(": ")) {
            const auto line = answers[answered++] + "\n";
            REQUIRE(write(terminal, line.data(), line.size()) == static_cast<ssize_t>(line.size()));
        }
    }
    close(terminal);
    int status = 0;
    waitpid(child, &status, 0);
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, shown};
}

}  // namespace

TEST_CASE("on a terminal the password is asked twice without echo and must match", "[cli][user]") {
    Desk desk;
    REQUIRE(desk.add("console", "staff").exit_code == 0);
    const std::vector<std::string> arguments{"user", "set-password", "--db", desk.db, "--login", "console"};

    const auto [mismatch_code, mismatch] = run_on_terminal(arguments, {password, "something else entirely"});
    CHECK(mismatch_code == 1);
    CHECK(mentions(mismatch, "New password (empty for none): "));
    CHECK(mentions(mismatch, "Repeat the password: "));
    CHECK(mentions(mismatch, "the two passwords do not match"));
    CHECK_FALSE(mentions(mismatch, password));
    CHECK(desk.sign_in_status("console", password) == 401);

    const auto [code, shown] = run_on_terminal(arguments, {password, password});
    INFO(shown);
    CHECK(code == 0);
    CHECK(mentions(shown, "password of console set"));
    CHECK_FALSE(mentions(shown, password));
    CHECK(desk.sign_in_status("console", password) == 200);
}

TEST_CASE("user add reads the password from standard input, and the user signs in with it", "[cli][user]") {
    Desk desk;
    const auto added = desk.add("Sato.Hanako", "staff,manager", std::string(password) + "\n",
                                {"--email", "sato@example.go.jp"});
    INFO(added.err);
    REQUIRE(added.exit_code == 0);
    CHECK(mentions(added.out, "user sato.hanako created"));
    CHECK(mentions(added.out, "roles staff,manager"));
    CHECK_FALSE(mentions(added.out + added.err, password));
    CHECK(desk.sign_in_status("sato.hanako", password) == 200);
    const auto signed_in = sign_in(desk.server, "sato.hanako", password);
    CHECK(signed_in.user["roles"] == nlohmann::json{"staff", "manager"});
    CHECK(signed_in.user["division_code"] == "MIN-SOM");
    CHECK(cli_audit_actions(desk.db).back() == "user.created");
}

TEST_CASE("a password cannot be given on the command line", "[cli][user]") {
    Desk desk;
    const auto run = desk.add("sato", "staff", "", {"--password", password});
    CHECK(run.exit_code == 2);
    CHECK(mentions(run.err, "unknown option '--password'"));
    CHECK(desk.users() == 0);
}

TEST_CASE("user add with an empty password creates an account that cannot sign in until set-password", "[cli][user]") {
    Desk desk;
    const auto added = desk.add("suzuki", "staff");
    REQUIRE(added.exit_code == 0);
    CHECK(mentions(added.out, "has no password and cannot sign in until one is set"));
    CHECK(desk.sign_in_status("suzuki", password) == 401);

    const auto set = desk.run({"user", "set-password", "--login", "suzuki"}, std::string(password) + "\r\n");
    INFO(set.err);
    REQUIRE(set.exit_code == 0);
    CHECK(mentions(set.out, "password of suzuki set"));
    CHECK(desk.sign_in_status("suzuki", password) == 200);
    CHECK(cli_audit_actions(desk.db).back() == "user.password_set");
}

TEST_CASE("set-password signs out every session of the user and refuses weak input", "[cli][user]") {
    Desk desk;
    REQUIRE(desk.add("tanaka", "staff", std::string(password) + "\n").exit_code == 0);
    const auto browser = sign_in(desk.server, "tanaka", password);
    REQUIRE(browser.client->Get("/api/v1/me")->status == 200);

    const auto short_one = desk.run({"user", "set-password", "--login", "tanaka"}, "short\n");
    CHECK(short_one.exit_code == 1);
    CHECK(mentions(short_one.err, "password: must be at least 12 characters"));
    const auto empty = desk.run({"user", "set-password", "--login", "tanaka"}, "\n");
    CHECK(empty.exit_code == 1);
    CHECK(mentions(empty.err, "an empty password is not accepted"));
    const auto nobody = desk.run({"user", "set-password", "--login", "nobody"}, std::string(password) + "\n");
    CHECK(nobody.exit_code == 1);
    CHECK(mentions(nobody.err, "login: there is no user 'nobody'"));
    CHECK(browser.client->Get("/api/v1/me")->status == 200);

    const auto set = desk.run({"user", "set-password", "--login", "tanaka"}, "another long passphrase\n");
    REQUIRE(set.exit_code == 0);
    CHECK(mentions(set.out, "1 session(s) signed out"));
    CHECK(browser.client->Get("/api/v1/me")->status == 401);
    CHECK(desk.sign_in_status("tanaka", password) == 401);
    CHECK(desk.sign_in_status("tanaka", "another long passphrase") == 200);
}

TEST_CASE("user add refuses bad fields, naming each, and writes nothing", "[cli][user]") {
    Desk desk;
    REQUIRE(desk.add("taken", "staff").exit_code == 0);
    const auto before_audit = count_of(desk.db, "SELECT count(*) FROM audit_log");

    const auto taken = desk.add("TAKEN", "staff");
    CHECK(taken.exit_code == 1);
    CHECK(mentions(taken.err, "login: 'taken' is already taken"));

    const auto unknown_division = desk.run({"user", "add", "--login", "ito", "--name", "伊藤", "--division", "NOPE",
                                            "--roles", "staff"});
    CHECK(unknown_division.exit_code == 1);
    CHECK(mentions(unknown_division.err, "division: 'NOPE' is not a registered division code"));

    const auto bad_role = desk.add("ito", "staff,boss");
    CHECK(bad_role.exit_code == 1);
    CHECK(mentions(bad_role.err, "roles: unknown role 'boss'"));

    const auto vendor = desk.add("ricoh", "vendor");
    CHECK(vendor.exit_code == 1);
    CHECK(mentions(vendor.err, "vendor_company: is required for the vendor role"));

    const auto bad_login = desk.add("-x", "staff");
    CHECK(bad_login.exit_code == 1);
    CHECK(mentions(bad_login.err, "login: must be 2 to 64 of a-z"));

    const auto weak = desk.add("ito", "staff", "short\n");
    CHECK(weak.exit_code == 1);
    CHECK(mentions(weak.err, "password: must be at least 12 characters"));

    const auto missing = desk.run({"user", "add", "--login", "ito"});
    CHECK(missing.exit_code == 2);
    CHECK(mentions(missing.err, "option --name is required"));

    CHECK(desk.users() == 1);
    CHECK(count_of(desk.db, "SELECT count(*) FROM audit_log") == before_audit);
}

TEST_CASE("set-roles, disable and enable change the account and are audited", "[cli][user]") {
    Desk desk;
    REQUIRE(desk.add("admin", "admin", std::string(password) + "\n").exit_code == 0);
    REQUIRE(desk.add("kato", "staff", std::string(password) + "\n").exit_code == 0);

    const auto roles = desk.run({"user", "set-roles", "--login", "kato", "--roles", "it_office, staff"});
    REQUIRE(roles.exit_code == 0);
    CHECK(roles.out == "roles of kato set to staff,it_office\n");
    CHECK(sign_in(desk.server, "kato", password).user["roles"] == nlohmann::json{"staff", "it_office"});
    const auto same = desk.run({"user", "set-roles", "--login", "kato", "--roles", "staff,it_office"});
    CHECK(mentions(same.out, "unchanged"));
    const auto vendor = desk.run({"user", "set-roles", "--login", "kato", "--roles", "vendor"});
    CHECK(vendor.exit_code == 1);
    CHECK(mentions(vendor.err, "vendor_company: is required for the vendor role"));

    const auto browser = sign_in(desk.server, "kato", password);
    const auto disabled = desk.run({"user", "disable", "--login", "kato"});
    REQUIRE(disabled.exit_code == 0);
    CHECK(disabled.out == "kato disabled; 2 session(s) signed out\n");
    CHECK(browser.client->Get("/api/v1/me")->status == 401);
    CHECK(desk.sign_in_status("kato", password) == 401);
    CHECK(desk.run({"user", "disable", "--login", "kato"}).out == "kato is already disabled\n");

    const auto enabled = desk.run({"user", "enable", "--login", "kato"});
    REQUIRE(enabled.exit_code == 0);
    CHECK(desk.sign_in_status("kato", password) == 200);

    CHECK(cli_audit_actions(desk.db) == std::vector<std::string>{"division.created", "division.created",
                                                                 "division.created", "user.created", "user.created",
                                                                 "user.updated", "user.disabled", "user.enabled"});
}

TEST_CASE("the last enabled administrator keeps the admin role unless --force", "[cli][user]") {
    Desk desk;
    REQUIRE(desk.add("root", "admin").exit_code == 0);
    const auto demote = desk.run({"user", "set-roles", "--login", "root", "--roles", "staff"});
    CHECK(demote.exit_code == 1);
    CHECK(mentions(demote.err, "root is the last enabled administrator"));
    CHECK(mentions(demote.err, "--force"));
    const auto disable = desk.run({"user", "disable", "--login", "root"});
    CHECK(disable.exit_code == 1);
    CHECK(mentions(disable.err, "last enabled administrator"));
    CHECK(count_of(desk.db, "SELECT count(*) FROM users WHERE disabled = 0") == 1);

    REQUIRE(desk.add("second", "admin").exit_code == 0);
    CHECK(desk.run({"user", "disable", "--login", "root"}).exit_code == 0);
    CHECK(desk.run({"user", "set-roles", "--login", "second", "--roles", "staff"}).exit_code == 1);
    CHECK(desk.run({"user", "set-roles", "--login", "second", "--roles", "staff", "--force"}).exit_code == 0);
    CHECK(count_of(desk.db, "SELECT count(*) FROM user_roles WHERE role = 'admin'") == 1);
}

TEST_CASE("user list shows accounts, filtered by role and division", "[cli][user]") {
    Desk desk;
    REQUIRE(desk.add("sato", "staff", std::string(password) + "\n").exit_code == 0);
    REQUIRE(desk.run({"user", "add", "--login", "yamada", "--name", "山田 理恵", "--division", "JPO", "--roles",
                      "vendor", "--vendor-company", "リコージャパン株式会社"})
                .exit_code == 0);
    REQUIRE(desk.run({"user", "disable", "--login", "sato"}).exit_code == 0);

    const auto all = desk.run({"user", "list"});
    REQUIRE(all.exit_code == 0);
    CHECK(all.out ==
          "login   name       division  roles   status\n"
          "sato    試験 太郎  MIN-SOM   staff   disabled\n"
          "yamada  山田 理恵  JPO       vendor  no password\n");
    const auto vendors = desk.run({"user", "list", "--role", "vendor"});
    CHECK(mentions(vendors.out, "yamada"));
    CHECK_FALSE(mentions(vendors.out, "sato"));
    const auto division = desk.run({"user", "list", "--division", "MIN-SOM"});
    CHECK(mentions(division.out, "sato"));
    CHECK_FALSE(mentions(division.out, "yamada"));
    CHECK(desk.run({"user", "list", "--role", "boss"}).exit_code == 1);
}

TEST_CASE("user commands explain their usage", "[cli][user]") {
    const auto help = madoguchi_cli({"user", "--help"});
    CHECK(help.exit_code == 0);
    for (const auto* word : {"add", "set-password", "set-roles", "disable", "enable", "list", "import"}) {
        CHECK(mentions(help.out, word));
    }
    for (const auto* subcommand : {"add", "set-password", "set-roles", "disable", "enable", "list", "import"}) {
        const auto sub_help = madoguchi_cli({"user", subcommand, "--help"});
        CHECK(sub_help.exit_code == 0);
        CHECK(mentions(sub_help.out, std::string("madoguchi user ") + subcommand));
    }
    CHECK(madoguchi_cli({"user"}).exit_code == 2);
    CHECK(madoguchi_cli({"user", "import", "--db", "x.db"}).err == "madoguchi user import: missing the file to read\n");
    const auto program = madoguchi_cli({"--help"});
    for (const auto* word : {"user", "division", "seed-demo"}) CHECK(mentions(program.out, word));
}
