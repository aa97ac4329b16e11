// 設置申請 drawn headless inside the whole app, the server played by fixtures: the desk opens a
// request from the list and accepts it through the dialog; the vendor gets only its move; a
// manager's new-request form marks what is missing before anything is sent.
#include <catch2/catch.hpp>

#include <imgui.h>

#include <functional>

#include "app/app.hpp"
#include "app_screen.hpp"
#include "inventory_fixtures.hpp"
#include "ui/item_registry.hpp"

using namespace madoguchi;
using nlohmann::json;

namespace {

// The requests API for one move request, remembering the moves and new requests asked for.
struct FakeDesk {
    std::vector<std::string> roles;
    std::string state = "submitted";
    std::vector<json> posted;

    json request() const {
        json checklist = json::array();
        for (const auto* key : {"gss_network", "vendor_information", "device_settings", "move_works"}) {
            checklist.push_back({{"key", key}, {"done", false}, {"done_by", ""}, {"done_at", ""}, {"note", ""}});
        }
        return {{"id", 12}, {"number", "PLR-2026-0012"}, {"kind", "move"}, {"class", "mfp"}, {"device_id", 7},
                {"location_id", 3}, {"division_code", "D-TEST"}, {"desired_date", "2026-12-07"}, {"reason", "執務室の移転"},
                {"state", state}, {"version", 1 + static_cast<std::int64_t>(posted.size())}, {"requester_login", "boss"},
                {"requester_name", "渡辺 剛"}, {"requester_division", "D-TEST"}, {"vendor_company", ""},
                {"state_reason", ""}, {"checklist", checklist}, {"device_tag", "MFP-000007"},
                {"device_location_name", "本館 10階"}, {"model_name", ""}, {"location_name", "本館 11階"},
                {"division_name", "総務課"}, {"created_at", "2026-11-26T01:00:00Z"}, {"updated_at", "2026-11-26T01:00:00Z"}};
    }

    json moves() const {
        const bool desk = std::find(roles.begin(), roles.end(), "operator") != roles.end();
        if (desk && state == "submitted") {
            return {{{"to", "accepted"}, {"action", "placement.action.accepted"}, {"needs_reason", false}, {"needs_checklist", false}},
                    {{"to", "rejected"}, {"action", "placement.action.rejected"}, {"needs_reason", true}, {"needs_checklist", false}}};
        }
        if (!desk && state == "with_vendor") {
            return {{{"to", "vendor_done"}, {"action", "placement.action.vendor_done"}, {"needs_reason", false}, {"needs_checklist", false}}};
        }
        return json::array();
    }

    std::pair<int, std::string> respond(const client::HttpRequest& http) {
        const auto& path = http.path;
        if (path == "/api/v1/me") {
            return {200, json{{"user", {{"id", 1}, {"login", "user"}, {"name", "利用者"}, {"division_code", "D-TEST"}, {"roles", roles}}},
                              {"csrf_token", "token"}}.dump()};
        }
        if (path == "/api/v1/divisions") return {200, R"({"divisions":[{"code":"D-TEST","parent_code":null,"name_ja":"総務課","name_en":""}]})"};
        if (path == "/api/v1/device-classes") return {200, testing::classes_fixture};
        if (path == "/api/v1/device-models") return {200, testing::models_fixture};
        if (path == "/api/v1/locations") return {200, testing::locations_fixture};
        if (path == "/api/v1/devices?state=installed&limit=1000") return {200, testing::page_json({}, 0, nullptr)};
        if (path == "/api/v1/placement-requests" && http.method == "GET") {
            return {200, json{{"requests", {request()}}, {"total", 1}}.dump()};
        }
        if (path == "/api/v1/placement-requests/12") {
            return {200, json{{"request", request()}, {"next_moves", moves()}, {"events", json::array()}}.dump()};
        }
        if (http.method == "POST") {
            posted.push_back(json::parse(http.body));
            if (path == "/api/v1/placement-requests/12/transitions") state = posted.back()["to"].get<std::string>();
            return {200, json{{"request", request()}, {"next_moves", moves()}}.dump()};
        }
        return {404, R"({"error":{"code":"not_found","message":"not found","message_ja":"見つかりません。","fields":{}}})"};
    }
};

struct PlacementScreen : testing::AppScreen {
    PlacementScreen(std::vector<std::string> roles, std::string state)
        : AppScreen([this](const client::HttpRequest& request) { return desk.respond(request); }) {
        desk.roles = std::move(roles);
        desk.state = std::move(state);
        open(client::Area::placement);
        draw_until([&] { return find("PLR-2026-0012", "table-row") != nullptr; });
    }

    FakeDesk desk;
};

}  // namespace

TEST_CASE("the desk opens a request from the list, ticks nothing yet and accepts it through the dialog", "[placement][headless]") {
    PlacementScreen screen({"operator"}, "submitted");
    CHECK(screen.find("新規申請", "button"));
    screen.click("PLR-2026-0012", "table-row");
    REQUIRE(screen.find("状態：申請済", "status"));
    CHECK(screen.find("GSSネットワーク調整（府省経由）", "checkbox"));
    CHECK(screen.find("却下", "button"));
    screen.click("受付", "button");
    REQUIRE(screen.find("確定する", "button"));
    screen.click("確定する", "button");
    REQUIRE(screen.desk.posted.size() == 1);
    CHECK(screen.desk.posted[0] == json{{"to", "accepted"}, {"version", 1}});
    CHECK(screen.draw_until([&] { return screen.find("状態：受付済", "status") != nullptr; }));
    CHECK_FALSE(screen.find("確定する", "button"));
}

TEST_CASE("再読み込み shows the vendor's works done in the request the desk has open", "[placement][headless]") {
    PlacementScreen screen({"operator"}, "with_vendor");
    screen.click("PLR-2026-0012", "table-row");
    REQUIRE(screen.find("状態：ベンダー対応中", "status"));
    screen.desk.state = "vendor_done";
    screen.click("再読み込み", "button");
    CHECK(screen.draw_until([&] { return screen.find("状態：作業完了報告済", "status") != nullptr; }));
    CHECK(screen.find("PLR-2026-0012", "table-row"));
}

TEST_CASE("the vendor sees its task with only the works-done button and no checkboxes", "[placement][headless]") {
    PlacementScreen screen({"vendor"}, "with_vendor");
    CHECK_FALSE(screen.find("新規申請", "button"));
    CHECK(screen.find("貴社に連携された作業のみ表示しています。", "status"));
    screen.click("PLR-2026-0012", "table-row");
    REQUIRE(screen.find("状態：ベンダー対応中", "status"));
    CHECK_FALSE(screen.find("GSSネットワーク調整（府省経由）", "checkbox"));
    CHECK(screen.find("［未］ GSSネットワーク調整（府省経由）", "text"));
    CHECK(screen.find("作業完了", "button"));
    CHECK_FALSE(screen.find("受付", "button"));
}

TEST_CASE("a manager's new request marks what is missing and sends nothing", "[placement][headless]") {
    PlacementScreen screen({"manager"}, "submitted");
    screen.click("新規申請", "button");
    REQUIRE(screen.draw_until([&] { return screen.find("申請する", "button") != nullptr; }));
    CHECK(screen.find("種別", "combo"));
    CHECK(screen.find("設置課室：総務課", "text"));
    CHECK(screen.find("申請できる設置済の機器がありません。", "status"));
    screen.click("申請する", "button");
    CHECK(screen.find("必須です。", "alert"));
    CHECK(screen.desk.posted.empty());
}
