// The telemetry office tabs drawn headless inside the whole app, the server played by
// fixtures: the desk sees the four tabs and marks an order shipped; a vendor sees the toner
// board only; the desk opens a model's release plan and is offered its ticket; billing draws
// the contract bar and the chart; the chatbot tab lists outages and maintenance apart.
#include <catch2/catch.hpp>

#include "app_screen.hpp"
#include "lending_fixtures.hpp"

using namespace madoguchi;
using nlohmann::json;

namespace {

json toner_order(int id, const std::string& state, int version, const std::string& colour = "cyan") {
    return {{"id", id}, {"device_id", 3}, {"asset_tag", "MFP-000003"}, {"colour", colour}, {"state", state},
            {"open", state != "collected"}, {"reason", "level_threshold"}, {"level_at_order", 8},
            {"days_to_empty_at_order", nullptr}, {"delivery_address", "本館10階 総務課前"}, {"contact", "総務課 山田"},
            {"vendor_company", "リコージャパン株式会社"}, {"created_at", "2026-11-20T01:00:00Z"},
            {"updated_at", "2026-11-20T01:00:00Z"}, {"closed_at", nullptr}, {"version", version}};
}

json firmware_model(bool with_plan) {
    json plan = nullptr;
    if (with_plan) {
        plan = {{"ticket_id", 41}, {"number", "REL-2026-000041"}, {"state", "new"}, {"target_version", "1.07"}, {"devices_behind", 1}};
    }
    return {{"model_id", 2}, {"model", "RICOH IM C3510F"}, {"target", "1.07"}, {"target_updated_by", "itoffice1"},
            {"target_updated_at", "2026-11-01T00:00:00Z"},
            {"counts", {{"behind", 1}, {"current", 1}, {"ahead", 0}, {"unknown", 0}}}, {"open_release_plan", plan},
            {"devices", {{{"device_id", 3}, {"asset_tag", "MFP-000003"}, {"running", "1.05"}, {"standing", "behind"}},
                         {{"device_id", 4}, {"asset_tag", "MFP-000004"}, {"running", "1.07"}, {"standing", "current"}}}}};
}

struct FakeServer {
    std::vector<std::string> roles;
    std::string vendor_company;
    std::vector<std::string> posted;

    std::pair<int, std::string> respond(const client::HttpRequest& request) {
        const auto& path = request.path;
        if (path == "/api/v1/me") {
            return {200, json{{"user", {{"id", 1}, {"login", "someone"}, {"name", "窓口 太郎"}, {"division_code", "D-DESK"},
                                        {"roles", roles}, {"vendor_company", vendor_company}}},
                              {"csrf_token", "t"}}
                             .dump()};
        }
        if (request.method != "GET") posted.push_back(request.method + " " + path);
        if (path.starts_with("/api/v1/telemetry/toner-orders?open=true")) {
            return {200, json{{"toner_orders", {toner_order(7, "ordered", 1), toner_order(5, "shipped", 3, "black")}}, {"total", 2}}.dump()};
        }
        if (path.starts_with("/api/v1/telemetry/toner-orders?")) return {200, json{{"toner_orders", json::array()}, {"total", 0}}.dump()};
        if (path == "/api/v1/telemetry/toner-orders/7/transitions") return {200, json{{"toner_order", toner_order(7, "shipped", 2)}}.dump()};
        if (path == "/api/v1/telemetry/toner-orders/5/transitions") {
            return {409, testing::error_body("transition_refused", "この発注はもう配送済みにできません。")};
        }
        if (path == "/api/v1/telemetry/firmware") return {200, json{{"models", {firmware_model(false)}}}.dump()};
        if (path == "/api/v1/telemetry/firmware/targets/2/release-plan") {
            return {201, json{{"created", true}, {"release_plan", firmware_model(true)["open_release_plan"]}}.dump()};
        }
        if (path.starts_with("/api/v1/telemetry/billing?month=")) {
            return {200, json{{"month", path.substr(path.size() - 7)}, {"fiscal_year_start", "2026-04-01"}, {"as_of", "2026-11-26"},
                              {"contract_pages_per_year", 65000000}, {"month_pages", 3200000},
                              {"year", {{"pages", 26000000}, {"share_used", 0.4}, {"expected_by_now", 0.65},
                                        {"projected_year", 40000000.0}, {"projected_share", 0.615}, {"ratio", 0.62}, {"status", "under"}}},
                              {"divisions", {{{"division_code", "D-SOUMU"}, {"division_name", "総務課"}, {"pages", 3200000}, {"devices", 2}}}},
                              {"devices", {{{"device_id", 3}, {"asset_tag", "MFP-000003"}, {"model", "RICOH IM C3510F"},
                                            {"division_code", "D-SOUMU"}, {"division_name", "総務課"}, {"pages", 3200000}, {"resets", 0}}}}}
                             .dump()};
        }
        if (path.starts_with("/api/v1/chatbot/availability?month=")) {
            return {200, json{{"month", path.substr(path.size() - 7)}, {"probes", 100}, {"up", 95}, {"down", 5}, {"in_maintenance", 4},
                              {"down_in_maintenance", 3}, {"availability_percent", 97.9}, {"outage_seconds", 120},
                              {"outages", {{{"from", "2026-11-05T00:00:00Z"}, {"to", "2026-11-05T00:02:00Z"}, {"probes", 2}}}},
                              {"average_response_milliseconds", 130.4}, {"slowest_response_milliseconds", 900},
                              {"maintenance", {{{"id", 1}, {"starts_at", "2026-11-10T13:00:00Z"}, {"ends_at", "2026-11-10T14:00:00Z"},
                                                {"title", "定期更新"}, {"ticket_id", nullptr}, {"ticket_number", nullptr},
                                                {"created_by", "desk1"}, {"created_at", "2026-11-01T00:00:00Z"}}}}}
                             .dump()};
        }
        return {404, testing::error_body("not_found", "見つかりません。")};
    }
};

struct Screen : testing::AppScreen {
    Screen(std::vector<std::string> roles, std::string vendor_company = {})
        : AppScreen([this](const client::HttpRequest& request) { return server.respond(request); }) {
        server.roles = std::move(roles);
        server.vendor_company = std::move(vendor_company);
        open(client::Area::telemetry);
        draw(5);
    }
    FakeServer server;
};

}  // namespace

TEST_CASE("the desk sees the office tabs and marks a toner order shipped", "[telemetry_office][view]") {
    Screen screen({"operator"});
    for (const auto* label : {"トナー発注", "ファームウェア", "請求", "チャットボット"}) CHECK(screen.find(label, "tab"));
    // フリート comes first for the desk.
    screen.click("トナー発注", "tab");
    screen.draw(3);
    CHECK(screen.find("発注済み（1件）", "heading"));
    CHECK(screen.find("発送済み（1件）", "heading"));
    const auto* order = screen.find("MFP-000003 シアン", "listitem");
    REQUIRE(order);
    CHECK(order->value == "ordered");
    CHECK(screen.find("本館10階 総務課前"));
    CHECK(screen.find("リコージャパン株式会社"));
    screen.click("発送済みにする");
    CHECK(screen.server.posted == std::vector<std::string>{"POST /api/v1/telemetry/toner-orders/7/transitions"});
    screen.draw(2);
    CHECK(screen.find("MFP-000003 シアン", "listitem")->value == "shipped");
    CHECK(screen.find("発送済み（2件）", "heading"));
    CHECK(screen.find("配送済みにする"));

    // A refusal is shown beside its order, in the server's Japanese.
    screen.click("配送済みにする");
    CHECK(screen.server.posted.back() == "POST /api/v1/telemetry/toner-orders/5/transitions");
    screen.draw(2);
    CHECK(screen.find("この発注はもう配送済みにできません。", "alert"));
    CHECK(screen.find("MFP-000003 ブラック", "listitem")->value == "shipped");
}

TEST_CASE("a vendor opens the telemetry area on its toner board only", "[telemetry_office][view]") {
    using identity::Role;
    for (const auto role : {Role::desk_operator, Role::it_office, Role::auditor, Role::admin, Role::vendor}) {
        const std::vector<Role> roles{role};
        CHECK(client::area_allowed(client::Area::telemetry, roles));
    }
    for (const auto role : {Role::staff, Role::manager}) {
        const std::vector<Role> roles{role};
        CHECK_FALSE(client::area_allowed(client::Area::telemetry, roles));
    }
    Screen screen({"vendor"}, "リコージャパン株式会社");
    CHECK(screen.app.area() == client::Area::telemetry);
    CHECK(screen.find("トナー発注", "tab"));
    for (const auto* label : {"ファームウェア", "請求", "チャットボット"}) CHECK_FALSE(screen.find(label, "tab"));
    CHECK(screen.find("MFP-000003 シアン", "listitem"));
    CHECK(screen.find("発送済みにする"));
    // Its own company's orders only: no vendor column saying so on every row.
    CHECK_FALSE(screen.find("リコージャパン株式会社"));
}

TEST_CASE("the desk opens a model's release plan and is offered its ticket", "[telemetry_office][view]") {
    Screen screen({"operator"});
    screen.click("ファームウェア", "tab");
    screen.draw(3);
    screen.click("RICOH IM C3510F", "table-row");
    CHECK(screen.find("1.05: 1台（更新が必要）", "listitem"));
    CHECK(screen.find("MFP-000003  1.05", "listitem"));
    CHECK_FALSE(screen.find("目標バージョンを設定"));  // the IT office's
    screen.click("リリース計画チケットを作成");
    CHECK(screen.server.posted == std::vector<std::string>{"POST /api/v1/telemetry/firmware/targets/2/release-plan"});
    screen.draw(2);
    CHECK(screen.find("リリース計画 REL-2026-000041（目標 1.07、対象 1台）が進行中です。", "status"));
    CHECK(screen.find("チケットを開く"));
}

TEST_CASE("billing draws the contract bar and the chatbot tab lists outages and maintenance apart", "[telemetry_office][view]") {
    Screen screen({"it_office"});
    screen.click("請求", "tab");
    screen.draw(3);
    const auto* bar = screen.find("26,000,000 / 65,000,000枚（40.0%）", "progressbar");
    REQUIRE(bar);
    CHECK(bar->value == "40.0%");
    CHECK(screen.find("年度内の月別印刷枚数", "chart"));
    CHECK(screen.find("D-SOUMU", "table-row"));

    screen.click("チャットボット", "tab");
    screen.draw(3);
    CHECK(screen.find("チャットボット", "tab")->value == "selected");
    CHECK(screen.find("月別稼働率（計画メンテナンスを除く）", "chart"));
    CHECK(screen.find("障害による停止（1件）", "heading"));
    CHECK(screen.find("計画メンテナンス（1件、期間中の応答なし 3回は稼働率に含めません）", "heading"));
    CHECK(screen.find("登録"));
}
