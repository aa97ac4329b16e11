// 台帳's detail pane against JSON fixtures: which state buttons a user gets, the edit form's
// inline validation (the shared rules), a save with the version read, the 409 when another
// operator saved first, state changes with a required reason and the server's refusals, and
// the history as a user reads it.
#include <catch2/catch.hpp>

#include "inventory/device_pane.hpp"
#include "inventory/inventory_catalogs.hpp"
#include "inventory_fixtures.hpp"
#include "scripted_transport.hpp"

using namespace madoguchi;
using client::Fleet;
using identity::Role;
using i18n::Language;
using inventory::AssetState;
using testing::device_json;

namespace {

nlohmann::json mfp(std::int64_t version = 4) {
    auto device = device_json(7, "MFP-000007", "mfp", "installed", version);
    device["location_id"] = 3;
    device["location_name"] = "中央合同庁舎第3号館 10階 1001会議室";
    device["notes"] = "3階から移設";
    return device;
}

std::string detail_json(const nlohmann::json& device, const nlohmann::json& next_states) {
    return nlohmann::json{{"device", device}, {"next_states", next_states}}.dump();
}

std::string device_answer(const nlohmann::json& device) { return nlohmann::json{{"device", device}}.dump(); }

std::string error_json(const std::string& code, const std::string& message_ja, const nlohmann::json& fields = nlohmann::json::object()) {
    return nlohmann::json{{"error", {{"code", code}, {"message", code}, {"message_ja", message_ja}, {"fields", fields}}}}.dump();
}

// The fleet with the MFP on its current row and the pane opened on it, record and history in.
struct OpenDevice {
    OpenDevice() : transport(api), fleet(catalogs, Language::ja), pane(Language::ja) {
        fleet.reload(api);
        transport.answer(200, testing::page_json({mfp()}, 1, nullptr));
        fleet.table().click(0, {});
        pane.follow(api, fleet.current(), Language::ja);
        REQUIRE(transport.waiting() == 2);
        CHECK(transport.next().path == "/api/v1/devices/7");
        transport.answer(200, detail_json(mfp(), {"in_repair", "in_transit", "retired"}));
        CHECK(transport.next().path == "/api/v1/devices/7/history");
        transport.answer(200, R"({"history":[]})");
    }
    client::ApiClient api;
    testing::ScriptedTransport transport;
    client::InventoryCatalogs catalogs;
    Fleet fleet;
    client::DevicePane pane;
};

}  // namespace

TEST_CASE("operators and admins get one button per next state, everyone else none", "[inventory]") {
    OpenDevice open;
    const std::vector<AssetState> moves{AssetState::in_repair, AssetState::in_transit, AssetState::retired};
    const std::vector<Role> operator_roles{Role::desk_operator};
    const std::vector<Role> admin_roles{Role::staff, Role::admin};
    CHECK(open.pane.detail.actions(operator_roles) == moves);
    CHECK(open.pane.detail.actions(admin_roles) == moves);
    for (const auto reader : {Role::staff, Role::manager, Role::it_office, Role::auditor, Role::vendor}) {
        const std::vector<Role> roles{reader};
        CHECK(open.pane.detail.actions(roles).empty());
        CHECK_FALSE(client::may_edit_ledger(roles));
    }
    // A retired device has nowhere to go: no buttons even for an operator.
    REQUIRE(open.pane.detail.accept(detail_json(device_json(7, "MFP-000007", "mfp", "retired"), nlohmann::json::array())));
    CHECK(open.pane.detail.actions(operator_roles).empty());
}

TEST_CASE("the edit form checks with the shared rules and shows each problem beside its field", "[inventory]") {
    OpenDevice open;
    auto& editor = open.pane.editor;
    REQUIRE(editor.device() != nullptr);
    editor.values().asset_tag = "mfp 7";
    editor.values().contract_start = "2026/04/01";
    editor.values().contract_end = "";
    editor.values().network_address = "10.1.2";
    CHECK_FALSE(editor.save(open.api));
    CHECK(open.transport.waiting() == 0);  // nothing went out
    CHECK(editor.errors().field("asset_tag", Language::ja) == "資産番号は英大文字・数字・ハイフンの3〜32文字で入力してください。");
    CHECK(editor.errors().field("contract_start", Language::ja) == "YYYY-MM-DD 形式の日付を指定してください。");
    CHECK(editor.errors().field("network_address", Language::ja) == "IPv4 アドレス（例: 10.1.2.3）を入力してください。");
    CHECK(editor.errors().field("serial", Language::ja).empty());

    editor.values() = client::form_values(editor.device()->asset.fields);
    editor.values().contract_start = "2026-04-01";
    editor.values().contract_end = "2025-03-31";
    editor.values().asset_tag.clear();
    CHECK_FALSE(editor.save(open.api));
    CHECK(editor.errors().field("asset_tag", Language::ja) == "必須です。");
    CHECK(editor.errors().field("contract_end", Language::ja) == "開始日が終了日より後です。");
}

TEST_CASE("a save sends only the changed fields with the version read, and the table shows the answer", "[inventory]") {
    OpenDevice open;
    auto& editor = open.pane.editor;
    CHECK_FALSE(editor.changed());
    editor.values().notes = "10階へ移設済み";
    editor.values().accessories = "USBケーブル、電源コード";
    CHECK(editor.changed());
    REQUIRE(editor.save(open.api));
    REQUIRE(open.transport.waiting() == 1);
    const auto request = open.transport.next();
    CHECK(request.method == "PATCH");
    CHECK(request.path == "/api/v1/devices/7");
    CHECK(nlohmann::json::parse(request.body) ==
          nlohmann::json{{"notes", "10階へ移設済み"}, {"accessories", {"USBケーブル", "電源コード"}}, {"version", 4}});

    auto saved = mfp(5);
    saved["notes"] = "10階へ移設済み";
    open.transport.answer(200, device_answer(saved));
    const auto events = open.pane.settle(open.api, open.fleet, Language::ja);
    CHECK(events.saved);
    CHECK_FALSE(open.pane.stale());
    CHECK(editor.device()->asset.version == 5);
    CHECK(open.fleet.current()->asset.fields.notes == "10階へ移設済み");
    // The pane reads the record (next states) and the history again.
    REQUIRE(open.transport.waiting() == 2);
    CHECK(open.transport.next().path == "/api/v1/devices/7");
}

TEST_CASE("when another operator saved first, the 409 shows the current device and says so in Japanese", "[inventory]") {
    OpenDevice open;
    auto& editor = open.pane.editor;
    editor.values().notes = "私の変更";
    REQUIRE(editor.save(open.api));

    auto current = mfp(6);
    current["notes"] = "他の担当者の変更";
    current["state"] = "in_repair";
    auto conflict = nlohmann::json::parse(error_json("stale_version", "ほかの利用者が先に更新しました。"));
    conflict["device"] = current;
    open.transport.answer(409, conflict.dump());
    const auto events = open.pane.settle(open.api, open.fleet, Language::ja);
    CHECK_FALSE(events.saved);
    CHECK(editor.stale());
    CHECK(open.pane.stale());
    CHECK(i18n::text("inventory.stale_version", Language::ja) ==
          "他の担当者が先に更新しました。最新の内容を表示しています。");
    CHECK(editor.values().notes == "他の担当者の変更");
    CHECK(editor.device()->asset.version == 6);
    CHECK(open.pane.detail.device()->asset.state == AssetState::in_repair);
    CHECK(open.fleet.table().cell_text(*open.fleet.table().current_row(), client::fleet_column::state) == "修理中");

    // The pane reads the record and the history again.
    REQUIRE(open.transport.waiting() == 2);
    open.transport.answer(200, detail_json(current, {"in_stock", "installed"}));
    open.transport.answer(200, R"({"history":[]})");

    // Saving again goes with the version now shown, and the notice goes away once it is saved.
    editor.values().notes = "私の変更（再）";
    REQUIRE(editor.save(open.api));
    CHECK(nlohmann::json::parse(open.transport.next().body)["version"] == 6);
    auto saved = current;
    saved["notes"] = "私の変更（再）";
    saved["version"] = 7;
    open.transport.answer(200, device_answer(saved));
    CHECK(open.pane.settle(open.api, open.fleet, Language::ja).saved);
    CHECK_FALSE(open.pane.stale());
}

TEST_CASE("a state change needs a reason and shows the server's refusal in its words", "[inventory]") {
    OpenDevice open;
    auto& change = open.pane.change;
    change.begin(*open.pane.detail.device(), AssetState::in_repair);
    CHECK(change.is_open());
    change.reason = "   ";
    CHECK_FALSE(change.submit(open.api));
    CHECK(open.transport.waiting() == 0);
    CHECK(change.reason_error(Language::ja) == "変更の理由を入力してください。");

    change.reason = "トナー漏れのため";
    REQUIRE(change.submit(open.api));
    const auto request = open.transport.next();
    CHECK(request.method == "POST");
    CHECK(request.path == "/api/v1/devices/7/transitions");
    CHECK(nlohmann::json::parse(request.body) ==
          nlohmann::json{{"to", "in_repair"}, {"reason", "トナー漏れのため"}, {"version", 4}});
    open.transport.answer(409, error_json("transition_refused", "現在の状態からはその状態に変更できません。",
                                          {{"to", "inventory.transition.not_allowed"}}));
    CHECK(change.is_open());
    CHECK(change.refusal(Language::ja) == "現在の状態からはその状態に変更できません。");

    REQUIRE(change.submit(open.api));
    open.transport.answer(422, error_json("validation_failed", "入力内容を確認してください。", {{"reason", "a reason for the change is required"}}));
    CHECK(change.reason_error(Language::ja) == "変更の理由を入力してください。");
    CHECK(change.refusal(Language::ja).empty());

    REQUIRE(change.submit(open.api));
    open.transport.answer(422, error_json("validation_failed", "変更先の状態が正しくありません。", {{"to", "is not a state"}}));
    CHECK(change.refusal(Language::ja) == "変更先の状態が正しくありません。");
}

TEST_CASE("a state change made closes the dialog and shows the new state everywhere", "[inventory]") {
    OpenDevice open;
    auto& change = open.pane.change;
    change.begin(*open.pane.detail.device(), AssetState::in_repair);
    change.reason = "トナー漏れのため";
    REQUIRE(change.submit(open.api));
    auto moved = mfp(5);
    moved["state"] = "in_repair";
    open.transport.answer(200, device_answer(moved));
    const auto events = open.pane.settle(open.api, open.fleet, Language::ja);
    CHECK(events.moved);
    CHECK_FALSE(change.is_open());
    CHECK(open.fleet.table().cell_text(*open.fleet.table().current_row(), client::fleet_column::state) == "修理中");
    CHECK(open.pane.editor.device()->asset.version == 5);
    REQUIRE(open.transport.waiting() == 2);
    CHECK(open.transport.next().path == "/api/v1/devices/7");
    open.transport.answer(200, detail_json(moved, {"in_stock", "installed", "retired"}));
    const std::vector<Role> operator_roles{Role::desk_operator};
    CHECK(open.pane.detail.actions(operator_roles) ==
          std::vector<AssetState>{AssetState::in_stock, AssetState::installed, AssetState::retired});
    CHECK(open.transport.next().path == "/api/v1/devices/7/history");
}

TEST_CASE("a state change that finds the device changed closes the dialog with the current device", "[inventory]") {
    OpenDevice open;
    auto& change = open.pane.change;
    change.begin(*open.pane.detail.device(), AssetState::retired);
    change.reason = "老朽化";
    REQUIRE(change.submit(open.api));
    auto conflict = nlohmann::json::parse(error_json("stale_version", "ほかの利用者が先に更新しました。"));
    conflict["device"] = mfp(9);
    open.transport.answer(409, conflict.dump());
    open.pane.settle(open.api, open.fleet, Language::ja);
    CHECK_FALSE(change.is_open());
    CHECK(open.pane.stale());
    CHECK(open.pane.detail.device()->asset.version == 9);
}

TEST_CASE("the history reads newest first in Tokyo time with who, what and why", "[inventory]") {
    OpenDevice open;
    auto& history = open.pane.history;
    history.accept(R"({"history":[
      {"id":12,"occurred_at":"2026-11-25T01:05:00Z","actor":"desk","action":"device.transitioned","reason":"トナー漏れのため",
       "before":{"state":"installed","version":4},"after":{"state":"in_repair","version":5}},
      {"id":3,"occurred_at":"2026-04-01T00:00:00Z","actor":"import","action":"device.created","reason":"","before":null,
       "after":{"state":"in_stock"}}]})");
    REQUIRE(history.state() == client::DeviceHistory::State::loaded);
    auto& table = history.table();
    REQUIRE(table.total_rows() == 2);
    CHECK(table.cell_text(0, 0) == "2026-11-25（水） 10:05");
    CHECK(table.cell_text(0, 1) == "desk");
    CHECK(table.cell_text(0, 2) == "状態変更（設置済 → 修理中）");
    CHECK(table.cell_text(0, 3) == "トナー漏れのため");
    CHECK(table.cell_text(1, 2) == "登録");
    history.set_language(Language::en);
    CHECK(table.cell_text(0, 2) == "State changed (Installed → In repair)");

    history.set_language(Language::ja);
    history.accept("{}");
    CHECK(history.state() == client::DeviceHistory::State::failed);
    CHECK(history.error_text() == "台帳を読み込めませんでした。");
}

TEST_CASE("picking another device drops the open one's form and dialog", "[inventory]") {
    OpenDevice open;
    open.pane.editor.values().notes = "書きかけ";
    open.pane.change.begin(*open.pane.detail.device(), AssetState::in_repair);
    auto other = device_json(8, "MFP-000008", "mfp", "in_stock");
    open.fleet.put(*client::device_row_from_json(other));
    open.fleet.focus(8);
    open.pane.follow(open.api, open.fleet.current(), Language::ja);
    CHECK_FALSE(open.pane.change.is_open());
    CHECK(open.pane.editor.device()->asset.id == 8);
    CHECK(open.pane.editor.values().notes.empty());
    CHECK(open.pane.detail.device() == nullptr);  // the new record is on its way
    CHECK(open.transport.next().path == "/api/v1/devices/8");
}
