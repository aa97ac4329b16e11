// The desk's lending tabs drawn headless inside the whole app, the server played by
// fixtures: staff see none of them; the desk opens a kitting task and ticks a step; opens
// an overdue loan with its history and sends a reminder after the confirm; the shipments,
// master images and stock tabs draw their lists, the stock alert included.
#include <catch2/catch.hpp>

#include "app_screen.hpp"
#include "lending_fixtures.hpp"

using namespace madoguchi;
using nlohmann::json;

namespace {

json kitting_task(const std::string& state, bool initialised) {
    return {{"id", 11},
            {"device_id", 3},
            {"asset_tag", "BPC-000001"},
            {"kind", "loan"},
            {"request_id", 2},
            {"request_number", "LND-2026-00002"},
            {"class", "business_pc"},
            {"state", state},
            {"items",
             {{{"key", "initialise"}, {"label_key", "lending.kitting.initialise"}, {"step", "initialise"}, {"required", true},
               {"accessory", ""}, {"done", initialised}, {"done_by", initialised ? "desk" : ""}, {"done_at", ""}, {"note", ""}},
              {{"key", "master_image"}, {"label_key", "lending.kitting.master_image"}, {"step", "master_image"}, {"required", true},
               {"accessory", ""}, {"done", false}, {"done_by", ""}, {"done_at", ""}, {"note", ""}}}},
            {"master_image_version", nullptr},
            {"complete", false},
            {"version", initialised ? 2 : 1}};
}

struct FakeServer {
    std::string login;
    std::vector<std::string> roles;
    std::vector<std::string> posted;

    std::pair<int, std::string> respond(const client::HttpRequest& request) {
        const auto& path = request.path;
        if (path == "/api/v1/me") {
            return {200, json{{"user", {{"id", 1}, {"login", login}, {"name", "窓口 太郎"}, {"division_code", "D-DESK"}, {"roles", roles}}},
                              {"csrf_token", "t"}}
                             .dump()};
        }
        if (request.method != "GET") posted.push_back(request.method + " " + path);
        if (path == "/api/v1/lending/rules") return {200, testing::lending_rules_body()};
        if (path == "/api/v1/lending/terms/loan_request") return {200, json{{"terms", testing::lending_terms_json(3)}}.dump()};
        if (path == "/api/v1/locations") return {200, testing::lending_locations_body()};
        if (path == "/api/v1/lending/kitting-tasks") return {200, json{{"kitting_tasks", {kitting_task("open", false)}}}.dump()};
        if (path == "/api/v1/lending/kitting-tasks/11/ticks") return {200, json{{"kitting_task", kitting_task("open", true)}}.dump()};
        if (path == "/api/v1/lending/master-images") {
            return {200, json{{"master_images", {{{"class", "business_pc"}, {"version", 3}, {"released", "2026-11-02"},
                                                  {"notes", "累積更新"}, {"current", true}}}}}
                             .dump()};
        }
        if (path.starts_with("/api/v1/lending/overdue")) {
            return {200, json{{"loans", {{{"id", 2}, {"number", "LND-2026-00002"}, {"borrower_name", "職員 花子"},
                                           {"division_name", "運用窓口課"}, {"class", "mobile_printer"},
                                           {"asset_tags", {"MPR-000001"}}, {"due_date", "2026-11-20"},
                                           {"business_days_overdue", 4}, {"escalated", false},
                                           {"reminders", {{{"key", "overdue+1@2026-11-20"}, {"kind", "overdue"},
                                                           {"business_days", 1}, {"state", "sent"}, {"overdue_number", 1},
                                                           {"recorded_at", "2026-11-24T00:00:00Z"}, {"sent_by", "system"}}}}}}},
                              {"total", 1}}
                             .dump()};
        }
        if (path == "/api/v1/lending/requests/2/reminders") {
            return {request.method == "POST" ? 201 : 200, json{{"reminders", json::array()}, {"escalated", false}}.dump()};
        }
        if (path == "/api/v1/lending/shipments") {
            return {200, json{{"shipments", {{{"id", 4}, {"request_id", 2}, {"request_number", "LND-2026-00002"},
                                              {"direction", "outbound"}, {"state", "in_transit"}, {"carrier", "日本郵便"},
                                              {"tracking_number", "1234-5678-9012"}, {"recipient", "近畿局 山田"},
                                              {"address", "大阪市"}, {"sent_date", "2026-11-25"}, {"received_date", nullptr},
                                              {"version", 1}, {"devices", {{{"id", 3}, {"asset_tag", "MPR-000001"}}}}}}}}
                             .dump()};
        }
        if (path.starts_with("/api/v1/lending/requests?")) return {200, json{{"requests", json::array()}}.dump()};
        if (path.starts_with("/api/v1/lending/stock/thresholds")) return {200, json{{"thresholds", json::array()}}.dump()};
        if (path.starts_with("/api/v1/lending/stock")) {
            json weeks = json::array();
            for (int week = 0; week < 8; ++week) {
                const auto from = calendar::add_days(calendar::Date{2026, 11, 26}, 7 * week);
                weeks.push_back({{"from", calendar::format_date(from)}, {"until", calendar::format_date(calendar::add_days(from, 6))},
                                 {"lowest", week}, {"returning", 0}});
            }
            return {200, json{{"today", "2026-11-26"}, {"weeks", 8},
                              {"pools", {{{"class", "mobile_printer"}, {"location_id", nullptr}, {"location_name", ""},
                                          {"devices", 9}, {"available_now", 1}, {"minimum", 2}, {"below", true}, {"weeks", weeks}}}}}
                             .dump()};
        }
        return {404, testing::error_body("not_found", "見つかりません。")};
    }
};

struct Screen : testing::AppScreen {
    Screen(std::string login, std::vector<std::string> roles)
        : AppScreen([this](const client::HttpRequest& request) { return server.respond(request); }) {
        server.login = std::move(login);
        server.roles = std::move(roles);
        open(client::Area::lending);
        draw(5);
    }
    FakeServer server;
};

}  // namespace

TEST_CASE("staff see none of the desk's lending tabs", "[lending_desk][view]") {
    Screen screen("staff", {"staff"});
    for (const auto* label : {"キッティング作業", "マスター管理", "未返却一覧", "地方局への発送", "在庫状況"}) {
        CHECK_FALSE(screen.find(label, "tab"));
    }
}

TEST_CASE("the desk ticks a kitting step and sends a reminder after confirming", "[lending_desk][view]") {
    Screen screen("desk", {"staff", "operator"});
    screen.click("キッティング作業", "tab");
    screen.draw(3);
    screen.click("BPC-000001", "table-row");
    CHECK(screen.find("現行のマスター: 第3版", "status"));
    CHECK(screen.find("マスターはまだ適用されていません。", "status"));
    const auto* version = screen.find("適用したマスターのバージョン", "textbox");
    REQUIRE(version);
    CHECK(version->value == "3");  // the current master, ready to confirm
    const auto* initialise = screen.find("初期化", "checkbox");
    REQUIRE(initialise);
    CHECK(initialise->value == "false");
    screen.click("初期化", "checkbox");
    CHECK(screen.server.posted == std::vector<std::string>{"POST /api/v1/lending/kitting-tasks/11/ticks"});
    CHECK(screen.find("初期化", "checkbox")->value == "true");

    screen.click("未返却一覧", "tab");
    screen.draw(3);
    screen.click("LND-2026-00002", "table-row");
    CHECK(screen.find("まだエスカレーションしていません（窓口で督促中）。", "status"));
    CHECK(screen.find("第1回 返却督促 （期限後1営業日） 2026-11-24（火） 9:00 system", "listitem"));
    screen.click("今すぐ督促する");
    CHECK(screen.app.lending_page().desk_confirm.is_open());
    CHECK(screen.server.posted.size() == 1);  // nothing sent before the confirm
    screen.click("督促を送る");
    CHECK(screen.server.posted.back() == "POST /api/v1/lending/requests/2/reminders");
    bool toast = false;
    for (const auto& shown : screen.app.toasts().shown()) toast = toast || shown.message_key == "lending_desk.overdue.sent";
    CHECK(toast);
}

TEST_CASE("the shipments, master images and stock tabs draw their lists and the stock alert", "[lending_desk][view]") {
    Screen screen("desk", {"staff", "operator", "admin"});
    screen.click("地方局への発送", "tab");
    screen.draw(3);
    screen.click("LND-2026-00002", "table-row");
    CHECK(screen.find("輸送中", "status"));
    CHECK(screen.find("受領を確認"));
    CHECK(screen.find("発送を登録する"));

    screen.click("マスター管理", "tab");
    screen.draw(3);
    CHECK(screen.find("第3版（2026-11-02（月） リリース）現行", "listitem"));
    CHECK(screen.find("登録する"));

    screen.click("在庫状況", "tab");
    screen.draw(3);
    CHECK(screen.find("モバイルプリンタ（全体）: 貸出可能 1台が安全在庫 2台を下回っています。", "alert"));
    CHECK(screen.find("モバイルプリンタ（全体）", "chart"));
    CHECK(screen.find("安全在庫を保存"));
}
