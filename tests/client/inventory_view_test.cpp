// 台帳 drawn headless inside the whole app, the server played by fixtures: the fleet in the
// table, a row opened into the detail pane, a state change through its button and reason
// dialog, the history tab; and a reader who gets neither the edit tab nor the buttons.
#include <catch2/catch.hpp>

#include <imgui.h>

#include <functional>

#include "app/app.hpp"
#include "app_screen.hpp"
#include "inventory_fixtures.hpp"
#include "ui/item_registry.hpp"

using namespace madoguchi;
using client::App;
using testing::device_json;

namespace {

// Answers every request at once from `respond` (status and body by method and path).
// The ledger's server side for one MFP that may move to 修理中, remembering the moves asked for.
struct FakeLedger {
    std::vector<std::string> roles;
    std::string state = "installed";
    std::vector<nlohmann::json> moves;
    std::vector<nlohmann::json> created;
    int list_reads = 0;
    std::vector<std::string> imports;  // "<path> <body>" of each import asked for

    nlohmann::json mfp() const {
        auto device = device_json(7, "MFP-000007", "mfp", state, 4 + static_cast<std::int64_t>(moves.size()));
        device["custodian_name"] = "山田 花子";
        return device;
    }

    std::pair<int, std::string> respond(const client::HttpRequest& request) {
        const auto& path = request.path;
        if (path == "/api/v1/me") {
            return {200, nlohmann::json{{"user", {{"id", 1}, {"login", "desk"}, {"name", "窓口 太郎"}, {"roles", roles}}},
                                        {"csrf_token", "token"}}
                             .dump()};
        }
        if (path == "/api/v1/device-classes") return {200, testing::classes_fixture};
        if (path == "/api/v1/device-models") return {200, testing::models_fixture};
        if (path == "/api/v1/locations") return {200, testing::locations_fixture};
        if (path == "/api/v1/devices?limit=1000") {
            ++list_reads;
            return {200, testing::page_json({mfp(), device_json(8, "TAB-000001", "tablet", "on_loan"),
                                             device_json(9, "PC-000001", "business_pc", "in_stock")},
                                            3, nullptr)};
        }
        if (path == "/api/v1/devices/7") {
            const auto next = state == "installed" ? nlohmann::json{"in_repair", "retired"} : nlohmann::json{"installed"};
            return {200, nlohmann::json{{"device", mfp()}, {"next_states", next}}.dump()};
        }
        if (!created.empty() && path == "/api/v1/devices/100") {
            auto device = device_json(100, created.back()["asset_tag"], created.back()["class"], "in_stock");
            return {200, nlohmann::json{{"device", device}, {"next_states", nlohmann::json::array()}}.dump()};
        }
        if (path == "/api/v1/devices/100/history") return {200, R"({"history":[]})"};
        if (path == "/api/v1/devices/7/history") {
            auto history = nlohmann::json::array();
            for (const auto& move : moves) {
                history.push_back({{"id", 20}, {"occurred_at", "2026-11-25T01:05:00Z"}, {"actor", "desk"},
                                   {"action", "device.transitioned"}, {"reason", move["reason"]},
                                   {"before", {{"state", "installed"}}}, {"after", {{"state", move["to"]}}}});
            }
            return {200, nlohmann::json{{"history", history}}.dump()};
        }
        if (request.method == "POST" && path == "/api/v1/devices") {
            const auto body = nlohmann::json::parse(request.body);
            if (body.value("asset_tag", "") == "MFP-000007") {
                return {409, R"({"error":{"code":"duplicate_asset_tag","message":"duplicate","message_ja":"重複",)"
                             R"("fields":{"asset_tag":"is already the tag of another device"}}})"};
            }
            created.push_back(body);
            auto device = device_json(100, body["asset_tag"], body["class"], "in_stock");
            device["contract_end"] = body.value("contract_end", nlohmann::json());
            return {201, nlohmann::json{{"device", device}}.dump()};
        }
        if (request.method == "POST" && path.starts_with("/api/v1/imports/devices")) {
            imports.push_back(path + " " + request.body);
            // A file with "bad" in it has one problem; any other adds one tablet.
            auto errors = nlohmann::json::array();
            if (request.body.find("bad") != std::string::npos) {
                errors.push_back({{"line", 2}, {"column", "機種名"}, {"value", "IM C9999"}, {"code", "field.unknown_model"},
                                  {"message", "is not a registered device model"},
                                  {"message_ja", "この機種は登録されていません。"}});
            }
            const nlohmann::json answer{{"creates", 1}, {"updates", 0}, {"unchanged", 0}, {"errors", errors},
                                        {"preview", {{{"line", 2}, {"action", "create"}, {"asset_tag", "TAB-000301"},
                                                      {"class", "tablet"}, {"state", "in_stock"}}}}};
            return {200, answer.dump()};
        }
        if (request.method == "POST" && path == "/api/v1/devices/7/transitions") {
            moves.push_back(nlohmann::json::parse(request.body));
            state = moves.back()["to"].get<std::string>();
            return {200, nlohmann::json{{"device", mfp()}}.dump()};
        }
        return {404, R"({"error":{"code":"not_found","message":"not found","message_ja":"見つかりません。","fields":{}}})"};
    }
};

struct LedgerApp : testing::AppScreen {
    explicit LedgerApp(std::vector<std::string> roles)
        : AppScreen([this](const client::HttpRequest& request) { return ledger.respond(request); }) {
        ledger.roles = std::move(roles);
        open(client::Area::inventory);
        draw_until([&] { return app.inventory_page().fleet.state() == client::Fleet::State::loaded; });
        draw(3);
    }

    FakeLedger ledger;
};

}  // namespace

TEST_CASE("an operator opens a device from the ledger, changes its state with a reason and sees it in the history",
          "[inventory][headless]") {
    LedgerApp screen({"operator"});
    REQUIRE(screen.find("MFP-000007", "table-row"));
    CHECK(screen.find("TAB-000001", "table-row"));
    screen.click("MFP-000007", "table-row");
    REQUIRE(screen.find("MFP-000007", "heading"));
    CHECK(screen.find("管理者：山田 花子", "text"));
    CHECK(screen.find("編集"));
    CHECK(screen.find("「廃棄」にする", "button"));

    screen.click("「修理中」にする", "button");
    REQUIRE(screen.find("変更する", "button"));
    screen.click("変更する", "button");
    CHECK(screen.find("変更の理由を入力してください。", "alert"));  // a reason is required: nothing was sent
    CHECK(screen.ledger.moves.empty());

    screen.app.inventory_page().pane.change.reason = "トナー漏れのため";
    screen.click("変更する", "button");
    REQUIRE(screen.ledger.moves.size() == 1);
    CHECK(screen.ledger.moves[0] == nlohmann::json{{"to", "in_repair"}, {"reason", "トナー漏れのため"}, {"version", 4}});
    CHECK_FALSE(screen.find("変更する", "button"));
    CHECK(screen.find("状態：修理中", "text"));
    CHECK(screen.find("「設置済」にする", "button"));

    screen.click("履歴");
    CHECK(screen.find("desk 状態変更（設置済 → 修理中）", "table-row"));
}

TEST_CASE("an operator imports a file through the wizard: problems keep 取り込む disabled, a clean file is committed",
          "[inventory][headless]") {
    LedgerApp screen({"operator"});
    std::string picked = "資産番号,機種名\nTAB-000301,bad\n";
    screen.app.set_file_picker([&picked](const std::string& accept, client::FilePicked done) {
        CHECK(accept == ".csv,text/csv");
        done(client::PickedFile{"台帳.csv", "text/csv", picked});
    });
    screen.click("取り込み", "button");
    REQUIRE(screen.find("台帳の取り込み（CSV）", "heading"));
    CHECK_FALSE(screen.find("MFP-000007", "table-row"));  // the wizard takes the table's place
    screen.click("CSV ファイルを選択…", "button");
    REQUIRE(screen.ledger.imports.size() == 1);
    CHECK(screen.ledger.imports[0] == "/api/v1/imports/devices?dry_run=1 " + picked);
    CHECK(screen.find("登録 1 件・更新 0 件・変更なし 0 件", "status"));
    CHECK(screen.find("1 件の誤りがあります。ファイルを直してから選び直してください。", "status"));
    CHECK(screen.find("2 機種名 IM C9999 この機種は登録されていません。", "row"));
    screen.click("取り込む", "button");
    CHECK(screen.ledger.imports.size() == 1);  // disabled: nothing was sent

    picked = "資産番号\nTAB-000301\n";
    screen.click("CSV ファイルを選択…", "button");
    CHECK(screen.find("誤りはありません。「取り込む」で台帳に登録します。", "status"));
    CHECK(screen.find("2 登録 TAB-000301 公用タブレット 在庫", "row"));
    screen.click("取り込む", "button");
    REQUIRE(screen.ledger.imports.size() == 3);
    CHECK(screen.ledger.imports[2] == "/api/v1/imports/devices?dry_run=0 " + picked);
    CHECK_FALSE(screen.find("台帳の取り込み（CSV）", "heading"));
    CHECK(screen.draw_until([&] { return screen.find("MFP-000007", "table-row") != nullptr; }));
}

TEST_CASE("an auditor reads the ledger without the edit tab or state buttons", "[inventory][headless]") {
    LedgerApp screen({"auditor", "it_office"});
    CHECK(screen.find("閲覧のみです（台帳の変更は運用窓口とシステム管理者が行います）。", "status"));
    CHECK_FALSE(screen.find("取り込み", "button"));
    screen.click("MFP-000007", "table-row");
    REQUIRE(screen.find("MFP-000007", "heading"));
    CHECK_FALSE(screen.find("編集"));
    CHECK_FALSE(screen.find("「修理中」にする", "button"));
    CHECK(screen.find("履歴"));
}

TEST_CASE("an operator registers a device: a taken tag is shown beside its field, the new device opens in the table",
          "[inventory][headless]") {
    LedgerApp screen({"operator"});
    screen.click("新規登録", "button");
    REQUIRE(screen.find("登録", "button"));
    auto& creator = screen.app.inventory_page().creator;
    screen.click("登録", "button");
    CHECK(screen.find("必須です。", "alert"));  // tag and class are required: nothing was sent
    CHECK(screen.ledger.created.empty());

    creator.values().asset_tag = "MFP-000007";
    creator.values().class_code = "mfp";
    creator.values().contract_end = "2031-03-31";
    screen.click("登録", "button");
    CHECK(screen.find("この資産番号はすでに登録されています。", "alert"));
    CHECK(screen.ledger.created.empty());

    creator.values().asset_tag = "MFP-000100";
    screen.click("登録", "button");
    REQUIRE(screen.ledger.created.size() == 1);
    CHECK(screen.ledger.created[0] ==
          nlohmann::json{{"asset_tag", "MFP-000100"}, {"class", "mfp"}, {"contract_end", "2031-03-31"}});
    CHECK_FALSE(screen.find("登録", "button"));
    CHECK(screen.find("機器を台帳に登録しました。"));
    CHECK(screen.find("MFP-000100", "table-row"));
    CHECK(screen.find("MFP-000100", "heading"));  // opened in the pane
}

TEST_CASE("再読み込み reads the ledger again, and readers get it without 新規登録", "[inventory][headless]") {
    LedgerApp screen({"auditor"});
    CHECK_FALSE(screen.find("新規登録", "button"));
    const int reads = screen.ledger.list_reads;
    screen.click("再読み込み", "button");
    screen.draw_until([&] { return screen.app.inventory_page().fleet.state() == client::Fleet::State::loaded; });
    CHECK(screen.ledger.list_reads == reads + 1);
    CHECK(screen.find("MFP-000007", "table-row"));
}

TEST_CASE("the 台帳 tab is offered to those the ledger API lets read it, not to vendors or plain staff",
          "[inventory]") {
    using identity::Role;
    for (const auto role : {Role::desk_operator, Role::it_office, Role::auditor, Role::manager, Role::admin}) {
        const std::vector<Role> roles{role};
        CHECK(client::area_allowed(client::Area::inventory, roles));
    }
    for (const auto role : {Role::vendor, Role::staff}) {
        const std::vector<Role> roles{role};
        CHECK_FALSE(client::area_allowed(client::Area::inventory, roles));
    }
}
