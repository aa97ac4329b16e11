// Chatbot availability: the health check against a real HTTP server on loopback that the test
// makes fail, slow and recover; the probe job recording into the app's database; the monthly
// availability with planned maintenance reported apart from outages.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <thread>

#include "calendar/tokyo_time.hpp"
#include "chatbot/probe.hpp"
#include "chatbot/probe_job.hpp"
#include "cli/command_line.hpp"
#include "configuration_test_support.hpp"
#include "identity_test_support.hpp"
#include "store/database.hpp"
#include "support/child_process.hpp"

using namespace madoguchi::testing;
using nlohmann::json;
namespace chatbot = madoguchi::server::chatbot;
namespace calendar = madoguchi::calendar;
using namespace std::chrono_literals;

namespace {

enum class Mode { healthy, failing, slow };

// The chatbot's health endpoint: 200 when healthy, 503 when failing, 200 after 600 ms when slow.
class FakeChatbot {
public:
    FakeChatbot() {
        server_.Get("/health", [this](const httplib::Request&, httplib::Response& response) {
            const auto mode = mode_.load();
            if (mode == Mode::slow) std::this_thread::sleep_for(600ms);
            response.status = mode == Mode::failing ? 503 : 200;
            response.set_content(R"({"status":"ok"})", "application/json");
        });
        port_ = server_.bind_to_any_port("127.0.0.1");
        thread_ = std::thread([this] { server_.listen_after_bind(); });
        while (!server_.is_running()) std::this_thread::sleep_for(1ms);
    }
    ~FakeChatbot() { stop(); }
    void set(Mode mode) { mode_ = mode; }
    void stop() {
        server_.stop();
        if (thread_.joinable()) thread_.join();
    }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/health"; }

private:
    httplib::Server server_;
    std::atomic<Mode> mode_{Mode::healthy};
    int port_ = 0;
    std::thread thread_;
};

chatbot::ProbeSettings settings_for(const std::string& url) {
    chatbot::ProbeSettings settings;
    settings.url = url;
    settings.interval = 40ms;
    settings.timeout = 300ms;
    return settings;
}

std::int64_t count(const RunningApp& server, const std::string& sql) {
    auto database = madoguchi::server::store::Database::open(server.database_path());
    REQUIRE(database);
    auto value = database.value().query_int(sql);
    REQUIRE(value);
    return value.value().value_or(0);
}

void wait_for(const RunningApp& server, const std::string& sql, std::int64_t at_least) {
    for (int waited = 0; waited < 200 && count(server, sql) < at_least; ++waited) std::this_thread::sleep_for(25ms);
    REQUIRE(count(server, sql) >= at_least);
}

json with(json body, const std::string& key, const json& value) {
    body[key] = value;
    return body;
}

std::string this_month() {
    const auto today = calendar::to_tokyo(calendar::now()).date;
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02d", today.year, today.month);
    return text;
}

}  // namespace

TEST_CASE("the probe tells up from failing, slow and unreachable, with the response time", "[chatbot]") {
    FakeChatbot service;
    const auto settings = settings_for(service.url());
    const auto up = chatbot::probe(settings);
    CHECK(up.up);
    CHECK(up.http_status == 200);
    CHECK(up.failure.empty());
    CHECK(up.response_milliseconds < 300);

    service.set(Mode::failing);
    const auto failing = chatbot::probe(settings);
    CHECK_FALSE(failing.up);
    CHECK(failing.http_status == 503);
    CHECK(failing.failure == "http_status");

    service.set(Mode::slow);
    const auto slow = chatbot::probe(settings);
    CHECK_FALSE(slow.up);
    CHECK(slow.failure == "timeout");
    CHECK(slow.response_milliseconds >= 300);
    CHECK(slow.response_milliseconds < 600);

    service.set(Mode::healthy);
    CHECK(chatbot::probe(settings).up);
    service.stop();
    const auto gone = chatbot::probe(settings);
    CHECK_FALSE(gone.up);
    CHECK(gone.http_status == 0);
    CHECK(gone.failure == "connection");

    CHECK(chatbot::probe(settings_for("ftp://127.0.0.1/health")).failure == "bad_url");
}

TEST_CASE("the probe checks an https chatbot's certificate and reads its health through TLS", "[chatbot]") {
    // A throwaway self-signed certificate for 127.0.0.1, made with the openssl command line.
    TempDir folder;
    const auto cert = (folder.path() / "cert.pem").string();
    const auto key = (folder.path() / "key.pem").string();
    ChildProcess openssl({"/usr/bin/openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert,
                          "-days", "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"});
    const auto made = openssl.wait();
    INFO(made.err);
    REQUIRE(made.exit_code == 0);

    httplib::SSLServer server(cert.c_str(), key.c_str());
    REQUIRE(server.is_valid());
    std::atomic<bool> slow{false};
    server.Get("/health", [&](const httplib::Request&, httplib::Response& response) {
        if (slow) std::this_thread::sleep_for(600ms);
        response.set_content(R"({"status":"ok"})", "application/json");
    });
    const int port = server.bind_to_any_port("127.0.0.1");
    std::thread serving([&] { server.listen_after_bind(); });
    while (!server.is_running()) std::this_thread::sleep_for(1ms);
    const auto url = "https://127.0.0.1:" + std::to_string(port) + "/health";

    // Not from a trusted authority: no answer is believed.
    auto untrusted = chatbot::probe(settings_for(url));
    CHECK_FALSE(untrusted.up);
    CHECK(untrusted.failure == "tls");
    CHECK(untrusted.http_status == 0);

    // The operator names the authority (serve --chatbot-ca): up, with its time.
    auto settings = settings_for(url);
    settings.ca_file = cert;
    const auto trusted = chatbot::probe(settings);
    CHECK(trusted.up);
    CHECK(trusted.http_status == 200);
    CHECK(trusted.failure.empty());
    CHECK(trusted.response_milliseconds < 300);

    // The same name on another address is not the certificate's.
    auto elsewhere = settings_for("https://localhost:" + std::to_string(port) + "/health");
    elsewhere.ca_file = cert;
    CHECK(chatbot::probe(elsewhere).failure == "tls");

    slow = true;
    const auto late = chatbot::probe(settings);
    CHECK_FALSE(late.up);
    CHECK(late.failure == "timeout");
    server.stop();
    serving.join();
}

TEST_CASE("the probe job records an outage and the recovery, and the month's availability shows it", "[chatbot][jobs]") {
    RunningApp server;
    auto desk = signed_in_user(server, {"desk1", {Role::desk_operator}});
    FakeChatbot service;
    {
        const chatbot::ProbeJob job(server.database_path(), settings_for(service.url()));
        wait_for(server, "SELECT count(*) FROM chatbot_probes WHERE up = 1", 3);
        service.set(Mode::failing);
        wait_for(server, "SELECT count(*) FROM chatbot_probes WHERE up = 0", 3);
        service.set(Mode::healthy);
        wait_for(server, "SELECT count(*) FROM chatbot_probes WHERE up = 1 AND id > (SELECT max(id) FROM chatbot_probes WHERE up = 0)", 2);
    }
    const auto probes = count(server, "SELECT count(*) FROM chatbot_probes");
    const auto up = count(server, "SELECT count(*) FROM chatbot_probes WHERE up = 1");
    CHECK(count(server, "SELECT count(*) FROM chatbot_probes WHERE up = 0 AND http_status = 503 AND failure = 'http_status'") ==
          probes - up);
    // 40 ms, rounded up to the second the probes' instants are kept in.
    CHECK(count(server, "SELECT count(*) FROM chatbot_probes WHERE interval_seconds = 1") == probes);

    const auto response = desk.client->Get(("/api/v1/chatbot/availability?month=" + this_month()).c_str());
    REQUIRE(response);
    INFO(response->body);
    REQUIRE(response->status == 200);
    const auto body = json_of(response);
    CHECK(body["probes"] == probes);
    CHECK(body["up"] == up);
    CHECK(body["down"] == probes - up);
    // Probes many times a second share their instants' seconds: the time-weighted figures are
    // the next test's, on probes a minute apart.
    CHECK(body["average_response_milliseconds"].get<double>() >= 0);
}

TEST_CASE("planned maintenance is reported apart from outages", "[chatbot]") {
    RunningApp server;
    auto desk = signed_in_user(server, {"desk1", {Role::desk_operator}});
    auto staff = signed_in_user(server, {"sato", {Role::staff}});
    // 5 October 2026 from 09:00 Tokyo, a probe a minute: 10 up, 3 down, 5 up, 2 down, 2 up.
    {
        auto database = madoguchi::server::store::Database::open(server.database_path());
        REQUIRE(database);
        std::string sql;
        const auto start = calendar::from_tokyo({2026, 10, 5}, 9 * 3600).unix_seconds;
        const std::string pattern = "UUUUUUUUUUDDDUUUUUDDUU";
        for (std::size_t i = 0; i < pattern.size(); ++i) {
            const bool is_up = pattern[i] == 'U';
            sql += "INSERT INTO chatbot_probes (at, up, http_status, response_milliseconds, failure) VALUES ('" +
                   calendar::format_iso8601_utc(calendar::Instant{start + static_cast<std::int64_t>(i) * 60}) + "', " +
                   (is_up ? "1, 200, 100" : "0, 503, 40") + ", '" + (is_up ? "" : "http_status") + "');";
        }
        REQUIRE(database.value().execute(sql));
    }
    const auto availability = [&] {
        const auto response = desk.client->Get("/api/v1/chatbot/availability?month=2026-10");
        REQUIRE(response);
        REQUIRE(response->status == 200);
        return json_of(response);
    };
    auto before = availability();
    CHECK(before["probes"] == 22);
    CHECK(before["down"] == 5);
    // Each result holds a minute, the last one three (no later probe): 19 minutes up, 5 down.
    CHECK(before["availability_percent"].get<double>() == Approx(100.0 * 19 / 24));
    CHECK(before["outages"].size() == 2);

    const auto release = audited(server, [&] {
        return post_json(desk, "/api/v1/tickets",
                         {{"kind", "release"}, {"title", "チャットボット定期メンテナンス"}, {"body", "バージョンアップ"}, {"category", "service"}});
    });
    REQUIRE(release);
    REQUIRE(release->status == 201);
    const auto ticket_id = json_of(release)["ticket"]["id"].get<std::int64_t>();
    const json window{{"starts_at", "2026-10-05T09:18:00+09:00"},
                      {"ends_at", "2026-10-05T09:20:00+09:00"},
                      {"title", "チャットボット バージョンアップ"},
                      {"ticket_id", ticket_id}};
    const auto added = audited(server, [&] { return post_json(desk, "/api/v1/chatbot/maintenance", window); });
    REQUIRE(added);
    INFO(added->body);
    REQUIRE(added->status == 201);
    CHECK(json_of(added)["starts_at"] == "2026-10-05T00:18:00Z");
    CHECK(json_of(added)["ticket_id"] == ticket_id);
    CHECK(count(server, "SELECT count(*) FROM audit_log WHERE action = 'chatbot_maintenance.created'") == 1);

    const auto after = availability();
    CHECK(after["probes"] == 22);
    CHECK(after["down"] == 3);
    CHECK(after["in_maintenance"] == 2);
    CHECK(after["down_in_maintenance"] == 2);
    CHECK(after["availability_percent"].get<double>() == Approx(100.0 * 19 / 22));
    CHECK(after["maintenance_seconds"] == 120);
    REQUIRE(after["outages"].size() == 1);
    CHECK(after["outages"][0] == json{{"from", "2026-10-05T00:10:00Z"}, {"to", "2026-10-05T00:13:00Z"}, {"probes", 3}});
    CHECK(after["outage_seconds"] == 180);
    REQUIRE(after["maintenance"].size() == 1);
    CHECK(after["maintenance"][0]["title"] == "チャットボット バージョンアップ");

    const auto listed = desk.client->Get("/api/v1/chatbot/maintenance?month=2026-10");
    REQUIRE(listed);
    CHECK(json_of(listed)["maintenance"].size() == 1);
    const auto november = desk.client->Get("/api/v1/chatbot/maintenance?month=2026-11");
    REQUIRE(november);
    CHECK(json_of(november)["maintenance"].empty());
    const auto empty_month = desk.client->Get("/api/v1/chatbot/availability?month=2026-09");
    REQUIRE(empty_month);
    CHECK(json_of(empty_month)["availability_percent"].is_null());

    const auto by_staff = post_json(staff, "/api/v1/chatbot/maintenance", window);
    REQUIRE(by_staff);
    CHECK(by_staff->status == 403);
}

TEST_CASE("availability answers the twelve months through the asked one, null where nobody probed", "[chatbot]") {
    RunningApp server;
    auto desk = signed_in_user(server, {"desk1", {Role::desk_operator}});
    // Ten minutes of probes on the 10th of three months, Tokyo: December 2025 (the oldest of
    // the twelve through November 2026) all up, June 2026 with three failures, November 2026 all
    // up; November 2025, before the twelve, down.
    {
        auto database = madoguchi::server::store::Database::open(server.database_path());
        REQUIRE(database);
        std::string sql;
        const auto probes = [&](const calendar::Date& day, const std::string& pattern) {
            for (std::size_t i = 0; i < pattern.size(); ++i) {
                const bool up = pattern[i] == 'U';
                sql += "INSERT INTO chatbot_probes (at, up, http_status, response_milliseconds, failure) VALUES ('" +
                       calendar::format_iso8601_utc(calendar::from_tokyo(day, 36000 + static_cast<int>(i) * 60)) + "', " +
                       (up ? "1, 200, 100, ''" : "0, 503, 40, 'http_status'") + ");";
            }
        };
        probes({2025, 11, 10}, "DDDD");
        probes({2025, 12, 10}, "UUUUUUUUUU");
        probes({2026, 6, 10}, "UUUUDDDUUU");
        probes({2026, 11, 10}, "UUUUUUUUUU");
        REQUIRE(database.value().execute(sql));
    }
    const auto get = [&](const std::string& month) {
        const auto response = desk.client->Get(("/api/v1/chatbot/availability?month=" + month).c_str());
        REQUIRE(response);
        REQUIRE(response->status == 200);
        return json_of(response);
    };
    const auto body = get("2026-11");
    const auto& months = body["months"];
    REQUIRE(months.size() == 12);
    CHECK(months[0]["month"] == "2025-12");
    CHECK(months[11]["month"] == "2026-11");
    CHECK(months[0]["availability_percent"].get<double>() == Approx(100.0));
    // Each result holds a minute, the last one three: 7 minutes up, 3 down.
    CHECK(months[6]["month"] == "2026-06");
    CHECK(months[6]["availability_percent"].get<double>() == Approx(100.0 * 9 / 12));
    CHECK(months[11]["availability_percent"] == body["availability_percent"]);
    for (const int empty : {1, 2, 3, 4, 5, 7, 8, 9, 10}) {
        INFO(months[empty]["month"]);
        CHECK(months[empty]["availability_percent"].is_null());
    }
    // Each month as its own answer gives.
    for (const auto& month : months) CHECK(get(month["month"].get<std::string>())["availability_percent"] == month["availability_percent"]);
}

TEST_CASE("availability weighs each probe by the time it holds, and time without probes is unknown", "[chatbot]") {
    RunningApp server;
    auto desk = signed_in_user(server, {"desk1", {Role::desk_operator}});
    // September 2026, Tokyo: a probe up at 23:59:30 the evening before holds into the month
    // until the next at 00:01; down at 00:02 and 00:03, then the server is off until 01:00
    // (the last failure holds its three intervals, to 00:06); up at 01:00, and at 01:01 a
    // last probe every five minutes, holding fifteen. Per probe this would be 3 of 5 up.
    {
        auto database = madoguchi::server::store::Database::open(server.database_path());
        REQUIRE(database);
        std::string sql;
        const auto probe = [&](const calendar::Date& day, int second_of_day, bool up, int interval) {
            sql += "INSERT INTO chatbot_probes (at, up, http_status, response_milliseconds, failure, interval_seconds) "
                   "VALUES ('" + calendar::format_iso8601_utc(calendar::from_tokyo(day, second_of_day)) + "', " +
                   (up ? "1, 200, 80, ''" : "0, 503, 30, 'http_status'") + ", " + std::to_string(interval) + ");";
        };
        probe({2026, 8, 31}, 23 * 3600 + 59 * 60 + 30, true, 60);
        probe({2026, 9, 1}, 60, true, 60);
        probe({2026, 9, 1}, 120, false, 60);
        probe({2026, 9, 1}, 180, false, 60);
        probe({2026, 9, 1}, 3600, true, 60);
        probe({2026, 9, 1}, 3660, true, 300);
        REQUIRE(database.value().execute(sql));
    }
    const auto availability = [&] {
        const auto response = desk.client->Get("/api/v1/chatbot/availability?month=2026-09");
        REQUIRE(response);
        INFO(response->body);
        REQUIRE(response->status == 200);
        return json_of(response);
    };
    const auto month_seconds = 30 * 86400;
    auto body = availability();
    CHECK(body["probes"] == 5);
    CHECK(body["up"] == 3);
    CHECK(body["down"] == 2);
    CHECK(body["period_seconds"] == month_seconds);
    CHECK(body["up_seconds"] == 60 + 60 + 60 + 900);
    CHECK(body["outage_seconds"] == 60 + 180);
    CHECK(body["maintenance_seconds"] == 0);
    CHECK(body["unknown_seconds"] == month_seconds - 1080 - 240);
    CHECK(body["availability_percent"].get<double>() == Approx(100.0 * 1080 / 1320));
    REQUIRE(body["outages"].size() == 1);
    CHECK(body["outages"][0] == json{{"from", "2026-08-31T15:02:00Z"}, {"to", "2026-08-31T15:06:00Z"}, {"probes", 2}});

    // Planned maintenance while the server was off: that time is planned, not unknown.
    const json window{{"starts_at", "2026-09-01T00:30:00+09:00"},
                      {"ends_at", "2026-09-01T00:45:00+09:00"},
                      {"title", "サーバ停止を伴う保守"}};
    const auto added = audited(server, [&] { return post_json(desk, "/api/v1/chatbot/maintenance", window); });
    REQUIRE(added);
    REQUIRE(added->status == 201);
    body = availability();
    CHECK(body["maintenance_seconds"] == 900);
    CHECK(body["unknown_seconds"] == month_seconds - 1080 - 240 - 900);
    CHECK(body["availability_percent"].get<double>() == Approx(100.0 * 1080 / 1320));

    // August ends with the evening probe holding its three minutes... cut at the month's end.
    const auto august = desk.client->Get("/api/v1/chatbot/availability?month=2026-08");
    REQUIRE(august);
    CHECK(json_of(august)["probes"] == 1);
    CHECK(json_of(august)["up_seconds"] == 30);
}

TEST_CASE("a maintenance window needs instants in order, a title and a release plan if any ticket", "[chatbot]") {
    RunningApp server;
    auto desk = signed_in_user(server, {"desk1", {Role::desk_operator}});
    const auto inquiry = audited(server, [&] {
        return post_json(desk, "/api/v1/tickets", {{"kind", "inquiry"}, {"title", "質問"}, {"body", "内容"}, {"category", "service"}});
    });
    REQUIRE(inquiry);
    REQUIRE(inquiry->status == 201);
    const auto inquiry_id = json_of(inquiry)["ticket"]["id"].get<std::int64_t>();
    const json good{{"starts_at", "2026-10-05T09:00:00+09:00"}, {"ends_at", "2026-10-05T10:00:00+09:00"}, {"title", "保守"}};
    const auto refused = [&](json body, const std::vector<std::string>& fields, int status = 422) {
        const auto response = post_json(desk, "/api/v1/chatbot/maintenance", body);
        REQUIRE(response);
        INFO(response->body);
        CHECK(response->status == status);
        CHECK(error_fields(response) == fields);
    };
    refused(with(good, "ends_at", "2026-10-05T08:00:00+09:00"), {"ends_at"});
    refused(with(good, "ends_at", "2026-12-05T08:00:00+09:00"), {"ends_at"});
    refused(with(good, "starts_at", "2026-10-05 09:00"), {"starts_at"});
    refused(with(good, "title", ""), {"title"});
    refused(with(good, "ticket_id", inquiry_id), {"ticket_id"});
    refused(with(good, "ticket_id", 9999), {"ticket_id"});
    refused(with(good, "colour", "red"), {"colour"}, 400);
    CHECK(count(server, "SELECT count(*) FROM chatbot_maintenance_windows") == 0);
    check_invalid_parameter(desk.client->Get("/api/v1/chatbot/availability?month=October"), {"month"}, "field.invalid_month");
}

TEST_CASE("serve probes the chatbot only with --chatbot-url, every minute with a 5 s timeout unless told", "[chatbot][cli]") {
    using madoguchi::server::cli::ServeOptions;
    using madoguchi::server::cli::UsageError;
    const auto parsed = [](std::vector<std::string_view> arguments) {
        return madoguchi::server::cli::parse_command_line(arguments, "web");
    };
    const auto plain = parsed({"serve"});
    REQUIRE(std::holds_alternative<ServeOptions>(plain));
    CHECK_FALSE(std::get<ServeOptions>(plain).chatbot_probe);

    const auto defaults = parsed({"serve", "--chatbot-url", "https://chatbot.example.go.jp/health"});
    REQUIRE(std::holds_alternative<ServeOptions>(defaults));
    const auto& probe = *std::get<ServeOptions>(defaults).chatbot_probe;
    CHECK(probe.url == "https://chatbot.example.go.jp/health");
    CHECK(probe.interval == 60s);
    CHECK(probe.timeout == 5s);

    const auto tuned = parsed({"serve", "--chatbot-every", "30", "--chatbot-timeout", "2", "--chatbot-url", "http://127.0.0.1:9/"});
    REQUIRE(std::holds_alternative<ServeOptions>(tuned));
    CHECK(std::get<ServeOptions>(tuned).chatbot_probe->interval == 30s);
    CHECK(std::get<ServeOptions>(tuned).chatbot_probe->timeout == 2s);
    CHECK(std::get<ServeOptions>(tuned).chatbot_probe->ca_file.empty());
    TempDir folder;
    const auto authorities = (folder.path() / "ca.pem").string();
    write_file(authorities, "-----BEGIN CERTIFICATE-----\n");
    const auto with_ca = parsed({"serve", "--chatbot-url", "https://chatbot.example.go.jp/health", "--chatbot-ca", authorities});
    REQUIRE(std::holds_alternative<ServeOptions>(with_ca));
    CHECK(std::get<ServeOptions>(with_ca).chatbot_probe->ca_file == authorities);

    for (const auto& wrong : std::vector<std::vector<std::string_view>>{{"serve", "--chatbot-url", "chatbot.example"},
                                                                         {"serve", "--chatbot-every", "30"},
                                                                         {"serve", "--chatbot-url", "http://x/", "--chatbot-timeout", "0"},
                                                                         {"serve", "--chatbot-url", "http://x/", "--chatbot-every", "1h"},
                                                                         {"serve", "--chatbot-url", "https://x/", "--chatbot-ca", "/nonexistent/ca.pem"},
                                                                         {"serve", "--chatbot-ca", authorities}}) {
        const auto refused = parsed(wrong);
        REQUIRE(std::holds_alternative<UsageError>(refused));
        CHECK(std::get<UsageError>(refused).message.find("--chatbot-") != std::string::npos);
    }
}
