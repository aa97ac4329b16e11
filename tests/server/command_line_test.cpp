#include <catch2/catch.hpp>

#include <signal.h>

#include <regex>

#include "cli/command_line.hpp"
#include "server_test_support.hpp"
#include "store/database.hpp"

using madoguchi::testing::MadoguchiProcess;
using madoguchi::testing::run_madoguchi;
using madoguchi::testing::RunningApp;
using madoguchi::testing::TempDir;
namespace store = madoguchi::server::store;

namespace {

bool mentions(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

int port_in(const std::string& line) {
    std::smatch match;
    if (!std::regex_search(line, match, std::regex(R"(^Madoguchi listening on http://127\.0\.0\.1:(\d+)/$)"))) return 0;
    return std::stoi(match[1]);
}

std::vector<std::string> server_events(const std::filesystem::path& database_path) {
    auto database = store::Database::open(database_path);
    REQUIRE(database);
    auto statement = database.value().prepare("SELECT kind FROM server_events ORDER BY id");
    REQUIRE(statement);
    std::vector<std::string> kinds;
    while (true) {
        auto row = statement.value().step();
        REQUIRE(row);
        if (!row.value()) return kinds;
        kinds.push_back(statement.value().column_text(0));
    }
}

}  // namespace

TEST_CASE("version prints the version", "[cli]") {
    const auto run = run_madoguchi({"version"});
    CHECK(run.exit_code == 0);
    CHECK(run.out == std::string("madoguchi ") + MADOGUCHI_VERSION + "\n");
}

TEST_CASE("--help describes the commands and each command's options", "[cli]") {
    for (const auto* flag : {"--help", "-h"}) {
        const auto run = run_madoguchi({flag});
        CHECK(run.exit_code == 0);
        CHECK(mentions(run.out, "serve"));
        CHECK(mentions(run.out, "migrate"));
        CHECK(mentions(run.out, "version"));
    }
    const auto serve = run_madoguchi({"serve", "--help"});
    CHECK(serve.exit_code == 0);
    for (const auto* option : {"--port", "--bind", "--db", "--web-dir"}) CHECK(mentions(serve.out, option));
    const auto migrate = run_madoguchi({"migrate", "-h"});
    CHECK(migrate.exit_code == 0);
    CHECK(mentions(migrate.out, "--db"));
    const auto version = run_madoguchi({"version", "--help"});
    CHECK(version.exit_code == 0);
    CHECK(mentions(version.out, "Usage: madoguchi version"));
}

TEST_CASE("a command line that cannot run is refused with exit status 2", "[cli]") {
    const std::vector<std::pair<std::vector<std::string>, std::string>> cases{
        {{}, "missing command"},
        {{"--bogus"}, "'--bogus'"},
        {{"launch"}, "unknown command 'launch'"},
        {{"serve", "--bogus"}, "unknown option '--bogus'"},
        {{"serve", "--port"}, "--port needs a value"},
        {{"serve", "--port", "http"}, "--port must be a number"},
        {{"serve", "--port", "70000"}, "--port must be a number"},
        {{"serve", "--port=-1"}, "--port must be a number"},
        {{"serve", "--escalation-every", "0"}, "--escalation-every must be a number of seconds"},
        {{"migrate", "--db"}, "--db needs a value"},
        {{"migrate", "--port", "8080"}, "unknown option '--port'"},
        {{"version", "extra"}, "unknown option 'extra'"},
    };
    for (const auto& [arguments, message] : cases) {
        const auto run = run_madoguchi(arguments);
        INFO("arguments: " << (arguments.empty() ? "" : arguments.front()) << " … stderr: " << run.err);
        CHECK(run.exit_code == 2);
        CHECK(mentions(run.err, message));
    }
}

TEST_CASE("serve sweeps for escalations every minute unless --escalation-every says otherwise", "[cli]") {
    using madoguchi::server::cli::ServeOptions;
    const std::vector<std::string_view> plain{"serve"};
    const auto defaults = madoguchi::server::cli::parse_command_line(plain, "web");
    REQUIRE(std::holds_alternative<ServeOptions>(defaults));
    CHECK(std::get<ServeOptions>(defaults).escalation_interval == std::chrono::seconds(60));
    const std::vector<std::string_view> every_five{"serve", "--escalation-every", "5"};
    const auto quick = madoguchi::server::cli::parse_command_line(every_five, "web");
    REQUIRE(std::holds_alternative<ServeOptions>(quick));
    CHECK(std::get<ServeOptions>(quick).escalation_interval == std::chrono::seconds(5));
}

TEST_CASE("serve --port 0 prints the port it bound, serves, and stops cleanly on SIGTERM and SIGINT", "[cli]") {
    for (const int signal_number : {SIGTERM, SIGINT}) {
        INFO("signal " << signal_number);
        TempDir temp;
        const auto database = temp.path() / "serve.db";
        MadoguchiProcess server({"serve", "--port", "0", "--db", database.string(), "--web-dir", temp.path().string()});
        const auto port = port_in(server.read_line());
        REQUIRE(port > 0);

        httplib::Client client("127.0.0.1", port);
        const auto health = client.Get("/api/v1/health");
        REQUIRE(health);
        CHECK(health->status == 200);

        server.send_signal(signal_number);
        const auto run = server.wait();
        CHECK(run.exit_code == 0);
        CHECK(mentions(run.err, "GET /api/v1/health 200"));
        CHECK(server_events(database) == std::vector<std::string>{"started", "stopped"});
    }
}

TEST_CASE("serve --port=N and --bind=ADDR take their values inline", "[cli]") {
    TempDir temp;
    RunningApp holder;  // finds a free port: bind, note it, release it
    const int port = holder.port();
    holder.stop();
    MadoguchiProcess server({"serve", "--port=" + std::to_string(port), "--bind=127.0.0.1",
                             "--db=" + (temp.path() / "inline.db").string()});
    CHECK(port_in(server.read_line()) == port);
    server.send_signal(SIGTERM);
    CHECK(server.wait().exit_code == 0);
}

TEST_CASE("serve refuses a port another server is listening on", "[cli]") {
    TempDir temp;
    RunningApp other;
    const auto run = run_madoguchi(
        {"serve", "--port", std::to_string(other.port()), "--db", (temp.path() / "second.db").string()});
    CHECK(run.exit_code == 1);
    CHECK(mentions(run.err, "cannot listen on 127.0.0.1 port " + std::to_string(other.port())));
}

TEST_CASE("serve without a web app warns and still serves the API", "[cli]") {
    TempDir temp;
    MadoguchiProcess server({"serve", "--port", "0", "--db", (temp.path() / "api-only.db").string(), "--web-dir",
                             (temp.path() / "not-built").string()});
    const auto port = port_in(server.read_line());
    REQUIRE(port > 0);
    httplib::Client client("127.0.0.1", port);
    CHECK(client.Get("/api/v1/health")->status == 200);
    CHECK(client.Get("/")->status == 503);
    server.send_signal(SIGTERM);
    const auto run = server.wait();
    CHECK(mentions(run.err, "warning: web app folder"));
    CHECK(mentions(run.err, "not-built"));
}

TEST_CASE("serve --secure-cookies marks the session cookie Secure, and only when asked", "[cli]") {
    using madoguchi::server::cli::ServeOptions;
    const std::vector<std::string_view> secure{"serve", "--secure-cookies", "--port", "0"};
    const std::vector<std::string_view> plain{"serve", "--port", "0"};
    const auto with = madoguchi::server::cli::parse_command_line(secure, "web");
    const auto without = madoguchi::server::cli::parse_command_line(plain, "web");
    REQUIRE(std::holds_alternative<ServeOptions>(with));
    REQUIRE(std::holds_alternative<ServeOptions>(without));
    CHECK(std::get<ServeOptions>(with).secure_cookies);
    CHECK_FALSE(std::get<ServeOptions>(without).secure_cookies);
    CHECK(mentions(run_madoguchi({"serve", "--help"}).out, "--secure-cookies"));
}
