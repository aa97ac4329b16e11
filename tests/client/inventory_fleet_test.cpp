// 台帳's fleet loader and catalogs against JSON fixtures of the ledger API: every page is
// fetched by its cursor until next_cursor is null, progress says how many of how many, a
// failed page shows the server's message and a retry starts over, and the table's columns
// read the labels a user expects (class and state names, model, location, custodian).
#include <catch2/catch.hpp>

#include "inventory/fleet.hpp"
#include "inventory/inventory_catalogs.hpp"
#include "inventory_fixtures.hpp"
#include "scripted_transport.hpp"

using namespace madoguchi;
using client::Fleet;
using i18n::Language;
using testing::device_json;
using testing::page_json;

namespace {

nlohmann::json yamada_mfp() {
    auto device = device_json(1, "MFP-000001", "mfp", "installed");
    device["model_id"] = 5;
    device["location_id"] = 3;
    device["division_code"] = "D-IT";
    device["custodian_login"] = "yamada";
    device["model_name"] = "RICOH IM C3000";
    device["location_name"] = "中央合同庁舎第3号館 10階 1001会議室";
    device["division_name"] = "情報システム室";
    device["custodian_name"] = "山田 花子";
    device["custodian_name_kana"] = "やまだ はなこ";
    return device;
}

struct Ledger {
    Ledger() : transport(api), fleet(catalogs, Language::ja) {}
    client::ApiClient api;
    testing::ScriptedTransport transport;
    client::InventoryCatalogs catalogs;
    Fleet fleet;
};

}  // namespace

TEST_CASE("the fleet is fetched page after page by cursor until next_cursor is null, with progress", "[inventory]") {
    Ledger ledger;
    ledger.fleet.reload(ledger.api);
    REQUIRE(ledger.transport.waiting() == 1);
    CHECK(ledger.transport.next().path == "/api/v1/devices?limit=1000");
    ledger.transport.answer(200, page_json({yamada_mfp(), device_json(2, "TAB-000001", "tablet", "on_loan")}, 3, "c/2+"));

    CHECK(ledger.fleet.state() == Fleet::State::loading);
    CHECK(ledger.fleet.progress_text(Language::ja) == "機器を読み込んでいます（2 / 3 台）");
    CHECK(ledger.fleet.progress_text(Language::en) == "Loading devices (2 of 3)");
    CHECK(ledger.fleet.table().total_rows() == 2);  // the first page is on screen already
    REQUIRE(ledger.transport.waiting() == 1);
    CHECK(ledger.transport.next().path == "/api/v1/devices?limit=1000&cursor=c%2F2%2B");

    ledger.transport.answer(200, page_json({device_json(3, "PC-000001", "business_pc", "in_stock")}, 3, nullptr));
    CHECK(ledger.transport.waiting() == 0);
    CHECK(ledger.fleet.state() == Fleet::State::loaded);
    CHECK(ledger.fleet.progress().state() == client::ProgressState::finished);
    REQUIRE(ledger.fleet.table().total_rows() == 3);
    CHECK(ledger.fleet.table().row_label(2) == "PC-000001");
}

TEST_CASE("the ledger's columns show tag, class, model, state, location, division and custodian", "[inventory]") {
    Ledger ledger;
    ledger.fleet.reload(ledger.api);
    ledger.transport.answer(200, page_json({yamada_mfp(), device_json(2, "TAB-000001", "tablet", "on_loan")}, 2, nullptr));
    const auto& table = ledger.fleet.table();
    REQUIRE(table.total_rows() == 2);
    CHECK(table.columns()[client::fleet_column::tag].label_key == "inventory.column.tag");
    CHECK(i18n::text(table.columns()[client::fleet_column::custodian].label_key, Language::ja) == "管理者");
    CHECK(table.cell_text(0, client::fleet_column::tag) == "MFP-000001");
    CHECK(table.cell_text(0, client::fleet_column::device_class) == "複合機");
    CHECK(table.cell_text(0, client::fleet_column::model) == "RICOH IM C3000");
    CHECK(table.cell_text(0, client::fleet_column::state) == "設置済");
    CHECK(table.cell_text(0, client::fleet_column::location) == "中央合同庁舎第3号館 10階 1001会議室");
    CHECK(table.cell_text(0, client::fleet_column::division) == "情報システム室");
    CHECK(table.cell_text(0, client::fleet_column::custodian) == "山田 花子");
    CHECK(table.cell_text(1, client::fleet_column::device_class) == "公用タブレット");
    CHECK(table.cell_text(1, client::fleet_column::state) == "貸出中");
    CHECK(table.cell_text(1, client::fleet_column::custodian).empty());

    // The kit table's own filter and sort work on these texts.
    ledger.fleet.table().set_filter(client::fleet_column::state, "貸出");
    REQUIRE(ledger.fleet.table().match_count() == 1);
    ledger.fleet.table().click(0, {});
    REQUIRE(ledger.fleet.current() != nullptr);
    CHECK(ledger.fleet.current()->asset.fields.asset_tag == "TAB-000001");
}

TEST_CASE("the custodian filter finds staff by the reading of their name, in either kana, and by login", "[inventory]") {
    Ledger ledger;
    ledger.fleet.reload(ledger.api);
    auto katakana_reading = device_json(2, "TAB-000001", "tablet", "on_loan");
    katakana_reading["custodian_login"] = "sato";
    katakana_reading["custodian_name"] = "佐藤 一郎";
    katakana_reading["custodian_name_kana"] = "サトウ イチロウ";
    ledger.transport.answer(200, page_json({yamada_mfp(), katakana_reading}, 2, nullptr));
    auto& table = ledger.fleet.table();
    for (const auto* typed : {"やまだ", "ヤマダ", "ﾔﾏﾀﾞ", "山田", "yamada", "さとう", "サトウ", "ｓａｔｏ", "佐藤一郎"}) {
        INFO(typed);
        table.set_filter(client::fleet_column::custodian, typed);
        CHECK(table.match_count() == 1);
    }
    table.set_filter(client::fleet_column::custodian, "すずき");
    CHECK(table.match_count() == 0);
}

TEST_CASE("labels the device lacks come from the catalogs, and a class the client does not know shows the server's name",
          "[inventory]") {
    Ledger ledger;
    ledger.catalogs.load(ledger.api, Language::ja);
    REQUIRE(ledger.transport.waiting() == 3);
    CHECK(ledger.catalogs.state() == client::InventoryCatalogs::State::loading);
    CHECK(ledger.transport.next().path == "/api/v1/device-classes");
    ledger.transport.answer(200, testing::classes_fixture);
    CHECK(ledger.transport.next().path == "/api/v1/device-models");
    ledger.transport.answer(200, testing::models_fixture);
    CHECK(ledger.transport.next().path == "/api/v1/locations");
    ledger.transport.answer(200, testing::locations_fixture);
    CHECK(ledger.catalogs.state() == client::InventoryCatalogs::State::loaded);

    auto projector = device_json(9, "PJ-000001", "projector", "in_stock");
    projector["model_id"] = 6;
    projector["location_id"] = 3;
    ledger.fleet.reload(ledger.api);
    ledger.transport.answer(200, page_json({projector}, 1, nullptr));
    const auto& table = ledger.fleet.table();
    REQUIRE(table.total_rows() == 1);
    CHECK(table.cell_text(0, client::fleet_column::device_class) == "プロジェクタ");
    CHECK(table.cell_text(0, client::fleet_column::model) == "EPSON EB-W06");
    CHECK(table.cell_text(0, client::fleet_column::location) == "中央合同庁舎第3号館 10階 1001会議室");
    ledger.fleet.set_language(Language::en);
    CHECK(table.cell_text(0, client::fleet_column::device_class) == "Projector");
    CHECK(table.cell_text(0, client::fleet_column::state) == "In stock");
}

TEST_CASE("a catalog that fails makes the catalogs failed with the server's message", "[inventory]") {
    Ledger ledger;
    ledger.catalogs.load(ledger.api, Language::ja);
    ledger.transport.answer(200, testing::classes_fixture);
    ledger.transport.answer(
        403, R"({"error":{"code":"forbidden","message":"not allowed","message_ja":"この操作は許可されていません。","fields":{}}})");
    CHECK(ledger.catalogs.state() == client::InventoryCatalogs::State::loading);
    ledger.transport.answer(200, "not json");
    CHECK(ledger.catalogs.state() == client::InventoryCatalogs::State::failed);
    CHECK(ledger.catalogs.error_text() == "この操作は許可されていません。");
}

TEST_CASE("a failed page shows the server's message and retry starts over from the first page", "[inventory]") {
    Ledger ledger;
    ledger.fleet.reload(ledger.api);
    ledger.transport.answer(200, page_json({yamada_mfp()}, 2, "next"));
    ledger.transport.answer(
        500, R"({"error":{"code":"internal","message":"internal error","message_ja":"サーバーで問題が発生しました。","fields":{}}})");
    CHECK(ledger.fleet.state() == Fleet::State::failed);
    CHECK(ledger.fleet.error_text() == "サーバーで問題が発生しました。");
    CHECK(ledger.fleet.progress().state() == client::ProgressState::failed);
    CHECK(ledger.transport.waiting() == 0);  // no further page after a failure

    ledger.fleet.reload(ledger.api);
    CHECK(ledger.fleet.state() == Fleet::State::loading);
    CHECK(ledger.fleet.devices().empty());
    CHECK(ledger.transport.next().path == "/api/v1/devices?limit=1000");

    // Something that is not a page (a proxy's error page) is a failure too, in the user's words.
    ledger.transport.answer(200, "<html>bad gateway</html>");
    CHECK(ledger.fleet.state() == Fleet::State::failed);
    CHECK(ledger.fleet.error_text() == "台帳を読み込めませんでした。");
}

TEST_CASE("an older load's pages are dropped when the fleet is loaded again", "[inventory]") {
    Ledger ledger;
    ledger.fleet.reload(ledger.api);
    ledger.fleet.reload(ledger.api);
    REQUIRE(ledger.transport.waiting() == 2);
    ledger.transport.answer(200, page_json({yamada_mfp()}, 5, "older"));
    CHECK(ledger.fleet.devices().empty());
    CHECK(ledger.transport.waiting() == 1);  // the older load asked for no second page
    ledger.transport.answer(200, page_json({device_json(2, "TAB-000001", "tablet", "on_loan")}, 1, nullptr));
    REQUIRE(ledger.fleet.devices().size() == 1);
    CHECK(ledger.fleet.state() == Fleet::State::loaded);
}

TEST_CASE("an empty ledger loads as empty, and a page without devices ends the load", "[inventory]") {
    Ledger ledger;
    ledger.fleet.reload(ledger.api);
    ledger.transport.answer(200, page_json({}, 0, "stuck"));
    CHECK(ledger.fleet.state() == Fleet::State::loaded);
    CHECK(ledger.fleet.table().total_rows() == 0);
    CHECK(ledger.transport.waiting() == 0);
}

TEST_CASE("a page arriving while the fleet loads keeps the device picked, the selection, the scroll and the filter",
          "[inventory]") {
    Ledger ledger;
    ledger.fleet.reload(ledger.api);
    ledger.transport.answer(200, page_json({yamada_mfp(), device_json(2, "TAB-000001", "tablet", "on_loan")}, 4, "c2"));
    auto& table = ledger.fleet.table();
    table.set_filter(client::fleet_column::custodian, "やまだ");
    REQUIRE(table.match_count() == 1);
    table.click(0, {});
    REQUIRE(ledger.fleet.current() != nullptr);
    (void)table.take_scroll_request();

    auto later = device_json(3, "GSS-000001", "gss_terminal", "on_loan");
    later["custodian_name"] = "山田 太郎";
    later["custodian_name_kana"] = "ヤマダ タロウ";
    ledger.transport.answer(200, page_json({later, device_json(4, "PC-000001", "business_pc", "in_stock")}, 4, nullptr));

    // The detail pane stays on the device the user opened; the list does not jump to its top.
    REQUIRE(ledger.fleet.current() != nullptr);
    CHECK(ledger.fleet.current()->asset.fields.asset_tag == "MFP-000001");
    CHECK(table.selected_count() == 1);
    CHECK(table.is_selected(0));
    CHECK(table.take_scroll_request() == client::ScrollRequest::none);
    // The new rows are in the order and through the filter typed before they came.
    CHECK(table.total_rows() == 4);
    CHECK(table.match_count() == 2);
    CHECK(table.row_label(table.visible_rows()[1]) == "GSS-000001");
}
