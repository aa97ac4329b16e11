// テレメトリ drawn headless inside the whole app, the server played by fixtures: the desk sees
// the fleet's state chips and rows, a chip filters by its state, a row opens the device's
// detail where 今すぐ取得 polls it, and an anomaly is acknowledged with a note.
#include <catch2/catch.hpp>

#include "app_screen.hpp"
#include "configuration_fixtures.hpp"

using namespace madoguchi;
using nlohmann::json;

namespace {

json fleet_device(std::int64_t id, const std::string& tag, const std::string& state) {
    return {{"device_id", id},        {"asset_tag", tag},    {"model_id", 1},         {"maker", "リコー"},
            {"model", "IM C3010"},    {"building", "本館"},  {"floor", "10"},         {"room", "1001"},
            {"state", state},         {"reachable", true},   {"polled_at", "2026-11-25T01:00:00Z"},
            {"last_seen_at", "2026-11-25T01:00:00Z"},        {"offline_cycles", 0},   {"conditions", json::array()},
            {"toners", json::array({{{"colour", "black"}, {"level_state", "measured"}, {"percent", 40}, {"days_to_empty", 12.5}}})},
            {"days_to_empty", 12.5},  {"page_count", 1200},  {"open_incidents", state == "error" ? 1 : 0},
            {"open_toner_orders", 0}};
}

json device_detail(bool polled) {
    return {{"device_id", 1},
            {"asset_tag", "MFP-000001"},
            {"network_address", "10.0.0.1"},
            {"snmp_profile", "ricoh-v2c"},
            {"state",
             {{"polled_at", polled ? "2026-11-25T02:05:00Z" : "2026-11-25T01:00:00Z"},
              {"reachable", true},
              {"failure", ""},
              {"last_seen_at", "2026-11-25T01:00:00Z"},
              {"reading", {{"sys_name", "mfp-000001"}, {"alerts", json::array()}}},
              {"oddities", json::array({{{"code", "level_above_max"}, {"oid", "1.3.6.1.2.1.43.11.1.1.9.1.1"}, {"detail", "250 > 100"}}})},
              {"offline_cycles", 0},
              {"printer_state", "error"},
              {"interpreted",
               {{"state", "error"},
                {"device_status", "warning"},
                {"activity", "idle"},
                {"conditions", json::array({{{"condition", "jammed"}, {"opens_vendor_incident", true}, {"affects_users", true}}})},
                {"toners", json::array({{{"colour", "black"}, {"level_state", "measured"}, {"percent", 40}, {"days_to_empty", 12.5}}})},
                {"page_count", 1200}}}}},
            {"samples", json::array()},
            {"history",
             {{"since", "2026-10-26T00:00:00Z"},
              {"counters", json::array({json::array({"2026-11-24T01:00:00Z", 1000}), json::array({"2026-11-25T01:00:00Z", 1200})})},
              {"toners", json::array({{{"colour", "black"},
                                       {"points", json::array({json::array({"2026-11-24T01:00:00Z", 45}),
                                                               json::array({"2026-11-25T01:00:00Z", 40})})}}})},
              {"conditions", json::array({{{"at", "2026-11-25T01:00:00Z"}, {"state", "error"}, {"conditions", json::array({"jammed"})}}})}}},
            {"toner_orders", json::array()},
            {"incidents", json::array({{{"id", 3}, {"device_id", 1}, {"asset_tag", "MFP-000001"}, {"condition", "jammed"},
                                        {"ticket_id", 9}, {"ticket_number", "INC-2026-000009"}, {"ticket_state", "received"},
                                        {"affects_users", true}, {"opened_at", "2026-11-25T01:00:00Z"}, {"cleared_at", nullptr}}})}};
}

struct FakeTelemetry {
    std::vector<std::string> fleet_queries;
    int polls = 0;
    std::vector<json> acknowledgements;

    std::pair<int, std::string> respond(const client::HttpRequest& request) {
        const auto& path = request.path;
        if (path == "/api/v1/me") {
            return {200, json{{"user", {{"id", 1}, {"login", "desk"}, {"name", "窓口 太郎"}, {"roles", {"operator"}}}},
                              {"csrf_token", "t"}}.dump()};
        }
        if (path.starts_with("/api/v1/telemetry/devices?")) {
            fleet_queries.push_back(path);
            auto devices = json::array();
            if (path.find("state=") == std::string::npos || path.find("state=error") != std::string::npos) {
                devices.push_back(fleet_device(1, "MFP-000001", "error"));
            }
            if (path.find("state=") == std::string::npos) devices.push_back(fleet_device(2, "MFP-000002", "ok"));
            return {200, json{{"devices", devices}, {"total", devices.size()}, {"limit", 50}, {"offset", 0},
                              {"states", {{"ok", 1}, {"attention", 0}, {"error", 1}, {"unreachable", 0}, {"unknown", 0}}}}.dump()};
        }
        if (path == "/api/v1/telemetry/devices/1") return {200, device_detail(polls > 0).dump()};
        if (path == "/api/v1/telemetry/devices/1/poll" && request.method == "POST") {
            ++polls;
            return {200, device_detail(true).dump()};
        }
        if (path == "/api/v1/locations") return {200, R"({"locations":[{"id":1,"building":"本館","floor":"10","room":"1001","name":"本館 10 1001"}]})"};
        if (path == "/api/v1/device-models") return {200, R"({"models":[{"id":1,"maker":"リコー","name":"IM C3010","class":"mfp"}]})"};
        if (path.starts_with("/api/v1/telemetry/anomalies?")) {
            auto list = json::array();
            if (acknowledgements.empty()) {
                list.push_back({{"id", 7}, {"device_id", 2}, {"asset_tag", "MFP-000002"}, {"kind", "silent"}, {"day", "2026-11-24"},
                                {"pages", 0}, {"usual_pages", 180}, {"detected_at", "2026-11-25T00:30:00Z"},
                                {"acknowledged_at", nullptr}, {"acknowledged_by", ""}, {"note", ""}});
            }
            return {200, json{{"anomalies", list}}.dump()};
        }
        if (path == "/api/v1/telemetry/anomalies/7/acknowledge" && request.method == "POST") {
            acknowledgements.push_back(json::parse(request.body));
            return {200, json{{"id", 7}}.dump()};
        }
        return {404, testing::error_body("not_found", "見つかりません。")};
    }
};

struct TelemetryScreen : testing::AppScreen {
    TelemetryScreen() : AppScreen([this](const client::HttpRequest& request) { return server.respond(request); }) {
        open(client::Area::telemetry);
        draw_until([&] { return app.telemetry_page().fleet.state() == client::FleetOverview::State::loaded; });
        draw(3);
    }

    FakeTelemetry server;
};

}  // namespace

TEST_CASE("the desk sees the fleet, filters it by a state chip and opens a device to poll it", "[telemetry][headless]") {
    TelemetryScreen screen;
    CHECK(screen.find("テレメトリ", "tab"));
    const auto* fleet_tab = screen.find("フリート", "tab");
    REQUIRE(fleet_tab);
    CHECK(fleet_tab->value == "selected");
    CHECK(screen.find("特異点", "tab"));
    CHECK(screen.find("異常 1", "chip"));
    CHECK(screen.find("正常 1", "chip"));
    CHECK(screen.find("MFP-000002", "table-row"));

    screen.click("異常 1", "chip");
    screen.draw(3);
    REQUIRE(screen.server.fleet_queries.size() >= 2);
    CHECK(screen.server.fleet_queries.back() == "/api/v1/telemetry/devices?state=error&limit=50");
    CHECK(screen.find("異常 1", "chip")->value == "selected");
    CHECK_FALSE(screen.find("MFP-000002", "table-row"));

    screen.click("MFP-000001", "table-row");
    screen.draw(3);
    CHECK(screen.find("状態：異常", "text"));
    CHECK(screen.find("・紙詰まり（ベンダー対応）（利用者に影響）", "text"));
    CHECK(screen.find("INC-2026-000009", "cell"));
    CHECK(screen.find("残量が最大容量を超えている", "cell"));
    CHECK(screen.find("12.5日", "cell"));
    CHECK(screen.find("印刷枚数カウンター", "chart"));
    CHECK(screen.find("トナー残量（%）", "chart"));
    CHECK(screen.find("最終取得：2026-11-25（水） 10:00", "text"));

    screen.click("今すぐ取得", "button");
    screen.draw(3);
    CHECK(screen.server.polls == 1);
    CHECK(screen.find("取得しました（11:05）。", "status"));
    CHECK(screen.find("最終取得：2026-11-25（水） 11:05", "text"));

    screen.click("← フリートへ戻る", "button");
    screen.draw(3);
    CHECK(screen.find("MFP-000001", "table-row"));
    CHECK_FALSE(screen.find("今すぐ取得", "button"));
}

TEST_CASE("an anomaly is acknowledged with the note typed for it", "[telemetry][headless]") {
    TelemetryScreen screen;
    screen.click("特異点", "tab");
    screen.draw(3);
    screen.click("MFP-000002 同じフロアの他の機器が印刷している間、印刷なし", "table-row");
    screen.draw(2);
    screen.app.telemetry_page().anomalies.note = "会議室改装で電源断";
    screen.click("確認済みにする", "button");
    screen.draw(3);
    REQUIRE(screen.server.acknowledgements.size() == 1);
    CHECK(screen.server.acknowledgements[0] == json{{"note", "会議室改装で電源断"}});
    CHECK(screen.find("MFP-000002の特異点を確認済みにしました。", "status"));
    CHECK(screen.find("確認する特異点はありません。"));
}
