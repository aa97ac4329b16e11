#include <catch2/catch.hpp>

#include <algorithm>
#include <csignal>
#include <fstream>
#include <regex>
#include <sstream>
#include <thread>

#include "calendar/tokyo_time.hpp"
#include "http/app.hpp"
#include "http/rotating_log_file.hpp"
#include "identity/division_store.hpp"
#include "identity/password.hpp"
#include "identity/user_store.hpp"
#include "identity_test_support.hpp"
#include "store/migrations.hpp"

using madoguchi::testing::MadoguchiProcess;
using madoguchi::testing::Role;
using madoguchi::testing::TempDir;
using nlohmann::json;
namespace http = madoguchi::server::http;
namespace fs = std::filesystem;

namespace {

std::string file_content(const fs::path& path) {
    std::ifstream file(path, std::ios::binary);
    std::ostringstream content;
    content << file.rdbuf();
    return content.str();
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream stream(text);
    for (std::string line; std::getline(stream, line);) lines.push_back(line);
    return lines;
}

void prepare_database(const fs::path& path, const std::string& login);

// The application in-process with a request log file and one user, serving until destroyed.
class LoggingApp {
public:
    explicit LoggingApp(const TempDir& temp) {
        prepare_database(temp.path() / "madoguchi.db", "logger1");
        http::AppConfig config;
        config.database_path = temp.path() / "madoguchi.db";
        config.web_dir = temp.path() / "no-web";
        config.log_requests = false;
        config.log_file.path = temp.path() / "logs" / "requests.log";
        auto created = http::App::create(config);
        if (!created) FAIL(created.error());
        app_ = std::move(created.value());
        port_ = *app_->bind("127.0.0.1", 0);
        serving_ = std::thread([this] { app_->listen(); });
        while (!app_->is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    ~LoggingApp() {
        app_->stop();
        serving_.join();
    }
    httplib::Client client() const { return httplib::Client("127.0.0.1", port_); }

private:
    std::unique_ptr<http::App> app_;
    std::thread serving_;
    int port_ = 0;
};

// A migrated database holding one staff user with the test password.
void prepare_database(const fs::path& path, const std::string& login) {
    namespace store = madoguchi::server::store;
    namespace identity = madoguchi::server::identity;
    auto opened = store::Database::open(path);
    REQUIRE(opened);
    auto& database = opened.value();
    REQUIRE(store::migrate(database));
    const auto hash = identity::hash_password(madoguchi::testing::test_password);
    REQUIRE(hash);
    auto committed = database.transaction([&]() -> store::Status {
        if (auto added = identity::upsert_division(database, {"D-LOG", "", "記録課", "Log division"}); !added) return added;
        madoguchi::identity::UserFields fields;
        fields.login = login;
        fields.name = "記録 太郎";
        fields.division_code = "D-LOG";
        fields.roles = {Role::staff};
        auto inserted = identity::insert_user(database, fields, *hash, madoguchi::calendar::now());
        if (!inserted) return store::Error{inserted.error()};
        return store::success();
    });
    if (!committed) FAIL(committed.error());
}

struct Session {
    std::string cookie;  // "madoguchi_session=…"
    std::string csrf_token;
};

Session sign_in(httplib::Client& client, const std::string& login, const std::string& password) {
    const auto response = client.Post("/api/v1/session", json{{"login", login}, {"password", password}}.dump(),
                                      "application/json");
    REQUIRE(response);
    REQUIRE(response->status == 200);
    const auto cookie = response->get_header_value("Set-Cookie");
    return {cookie.substr(0, cookie.find(';')), json::parse(response->body)["csrf_token"].get<std::string>()};
}

}  // namespace

TEST_CASE("a rotating log file keeps the newest lines in PATH, PATH.1 … PATH.keep", "[audit][log]") {
    TempDir temp;
    const auto path = temp.path() / "rotating.log";
    auto opened = http::RotatingLogFile::open({path, 100, 2});
    REQUIRE(opened);
    auto& log = *opened.value();
    for (int number = 10; number < 30; ++number) log.write_line("line " + std::to_string(number) + std::string(32, '.'));
    // Each line is 40 bytes with its newline: two per file.
    CHECK(lines_of(file_content(path)) ==
          std::vector<std::string>{"line 28" + std::string(32, '.'), "line 29" + std::string(32, '.')});
    CHECK(lines_of(file_content(temp.path() / "rotating.log.1")).front().starts_with("line 26"));
    CHECK(lines_of(file_content(temp.path() / "rotating.log.2")).front().starts_with("line 24"));
    CHECK_FALSE(fs::exists(temp.path() / "rotating.log.3"));
    for (const auto* name : {"rotating.log", "rotating.log.1", "rotating.log.2"}) CHECK(fs::file_size(temp.path() / name) <= 100);
}

TEST_CASE("lines written from many threads stay whole", "[audit][log]") {
    TempDir temp;
    const auto path = temp.path() / "threads.log";
    auto opened = http::RotatingLogFile::open({path, 1'000'000, 1});
    REQUIRE(opened);
    auto& log = *opened.value();
    std::vector<std::thread> writers;
    for (int writer = 0; writer < 8; ++writer) {
        writers.emplace_back([&log, writer] {
            for (int number = 0; number < 500; ++number) log.write_line(json{{"writer", writer}, {"n", number}}.dump());
        });
    }
    for (auto& writer : writers) writer.join();
    const auto lines = lines_of(file_content(path));
    CHECK(lines.size() == 4000);
    for (const auto& line : lines) REQUIRE_FALSE(json::parse(line, nullptr, false).is_discarded());
}

TEST_CASE("serve --log-file writes one JSON line per request with its user, never the query string", "[audit][log]") {
    TempDir temp;
    {
        LoggingApp server(temp);
        auto client = server.client();
        CHECK(client.Get("/api/v1/health?probe=from-monitoring")->status == 200);
        const auto session = sign_in(client, "logger1", madoguchi::testing::test_password);
        const httplib::Headers signed_in{{"Cookie", session.cookie}};
        CHECK(client.Get("/api/v1/me?view=full", signed_in)->status == 200);
        CHECK(client.Get("/api/v1/audit", signed_in)->status == 403);
        CHECK(client.Get("/api/v1/me")->status == 401);
    }
    const auto log_path = temp.path() / "logs" / "requests.log";
    std::vector<json> lines;
    for (const auto& line : lines_of(file_content(log_path))) lines.push_back(json::parse(line));
    REQUIRE(lines.size() == 5);
    const std::regex utc_time(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)");
    for (const auto& line : lines) {
        INFO(line.dump());
        CHECK(line.size() == 7);
        CHECK(std::regex_match(line["time"].get<std::string>(), utc_time));
        CHECK(line["address"] == "127.0.0.1");
        CHECK(line["duration_ms"].get<double>() >= 0.0);
    }
    // Each request runs on its connection's thread, so lines may come in another order.
    const auto user_of = [&](const std::string& method, const std::string& path, int status) {
        const auto found = std::find_if(lines.begin(), lines.end(), [&](const json& line) {
            return line["method"] == method && line["path"] == path && line["status"] == status;
        });
        REQUIRE(found != lines.end());
        return (*found)["user"];
    };
    CHECK(user_of("GET", "/api/v1/health", 200).is_null());
    CHECK(user_of("POST", "/api/v1/session", 200).is_null());
    CHECK(user_of("GET", "/api/v1/me", 200) == "logger1");
    CHECK(user_of("GET", "/api/v1/audit", 403) == "logger1");
    CHECK(user_of("GET", "/api/v1/me", 401).is_null());
}

TEST_CASE("no password, token, cookie or query string reaches the request log or the server's output", "[audit][log]") {
    const std::string new_password = "Kawa-no-nagare-2026!";
    const std::string wrong_password = "not-my-password-7319";
    const std::string query_secret = "QuerySecret-5521";

    for (const bool to_file : {true, false}) {
        INFO((to_file ? "with --log-file" : "on stderr"));
        TempDir temp;
        const auto database = temp.path() / "madoguchi.db";
        const auto log_path = temp.path() / "requests.log";
        prepare_database(database, "secret1");
        std::vector<std::string> arguments{"serve", "--port", "0", "--db", database.string()};
        if (to_file) arguments.insert(arguments.end(), {"--log-file", log_path.string()});
        MadoguchiProcess process(arguments);
        std::smatch match;
        const auto url_line = process.read_line();
        REQUIRE(std::regex_search(url_line, match, std::regex(R"(127\.0\.0\.1:(\d+))")));
        httplib::Client client("127.0.0.1", std::stoi(match[1]));

        std::vector<std::string> secrets{madoguchi::testing::test_password, new_password, wrong_password, query_secret};
        CHECK(client.Post("/api/v1/session", json{{"login", "secret1"}, {"password", wrong_password}}.dump(),
                          "application/json")
                  ->status == 401);
        auto session = sign_in(client, "secret1", madoguchi::testing::test_password);
        secrets.push_back(session.cookie.substr(session.cookie.find('=') + 1));
        secrets.push_back(session.csrf_token);
        const httplib::Headers headers{{"Cookie", session.cookie}, {"X-CSRF-Token", session.csrf_token}};
        CHECK(client.Get(("/api/v1/me?token=" + query_secret).c_str(), headers)->status == 200);
        CHECK(client.Put("/api/v1/me/password", headers,
                         json{{"current_password", madoguchi::testing::test_password}, {"new_password", new_password}}.dump(),
                         "application/json")
                  ->status == 204);
        session = sign_in(client, "secret1", new_password);
        secrets.push_back(session.cookie.substr(session.cookie.find('=') + 1));
        secrets.push_back(session.csrf_token);
        const httplib::Headers again{{"Cookie", session.cookie}, {"X-CSRF-Token", session.csrf_token}};
        CHECK(client.Delete("/api/v1/session", again)->status == 204);
        // The ended session's cookie is refused, and still not logged.
        CHECK(client.Get(("/api/v1/me?csrf=" + query_secret).c_str(), again)->status == 401);

        process.send_signal(SIGTERM);
        const auto run = process.wait();
        const auto logged = to_file ? file_content(log_path) : std::string();
        // Every request left its line, with the path but nothing more.
        const auto& requests = to_file ? logged : run.err;
        CHECK(lines_of(requests).size() >= 6);
        CHECK(requests.find("/api/v1/me/password") != std::string::npos);
        for (const auto& secret : secrets) {
            INFO("secret " << secret);
            REQUIRE(secret.size() >= 8);
            CHECK(logged.find(secret) == std::string::npos);
            CHECK(run.err.find(secret) == std::string::npos);
            CHECK(run.out.find(secret) == std::string::npos);
        }
    }
}
