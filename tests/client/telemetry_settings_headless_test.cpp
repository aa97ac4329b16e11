// The 設定 tab drawn headless inside the whole app over a real server: the IT office's field
// refused in Japanese beside it, a saved change with who made it, a model's speed saved from
// its row; the desk reads the same without a save button; a vendor has no such tab.
#include <catch2/catch.hpp>

#include "live_app_screen.hpp"
#include "telemetry_office_fixtures.hpp"

using namespace madoguchi;

namespace {

// Signed in as `login`, on the テレメトリ page.
struct SettingsScreen : testing::LiveAppScreen {
    SettingsScreen(int port, const std::string& login) : LiveAppScreen(port, 1400.0F) {
        sign_in(login);
        app.select(client::Area::telemetry);
    }
};

}  // namespace

TEST_CASE("the IT office edits the loops' rules and a model's speed on the 設定 tab", "[telemetry_settings][headless]") {
    testing::TelemetryOffice office;
    const auto model = office.model("リコー", "IM C3010");
    SettingsScreen screen(office.server.port(), "itoffice1");
    screen.click("設定", "tab");
    REQUIRE(screen.draw_until([&] { return screen.shown("応答なしと判定する連続回数", "textbox"); }));
    CHECK(screen.find("応答なしと判定する連続回数", "textbox")->value == "3");
    CHECK(screen.shown("初期値のままです（まだ変更されていません）。", "status"));
    CHECK_FALSE(screen.find("設定を保存", "button", true));  // nothing changed yet

    auto& page = screen.app.telemetry_page();
    page.rules.inputs().offline_cycles = "0";
    screen.click("設定を保存", "button");
    CHECK(screen.draw_until([&] { return screen.shown("1から100の範囲で入力してください。", "alert"); }));
    page.rules.inputs().offline_cycles = "4";
    screen.click("設定を保存", "button");
    CHECK(screen.draw_until([&] { return screen.status_starting("最終変更: itoffice1（"); }));
    CHECK_FALSE(screen.shown("1から100の範囲で入力してください。", "alert"));
    CHECK(office.number("SELECT offline_cycles FROM telemetry_loop_rules") == 4);

    REQUIRE(screen.draw_until([&] { return screen.shown("リコー IM C3010の印刷速度", "textbox"); }));
    page.speeds.input(model) = "30";
    CHECK(screen.draw_until([&] { return screen.shown("未保存の変更があります（再読み込みしても入力は残ります）", "status"); }));
    CHECK_FALSE(screen.shown("保存", "button"));  // each row's button is named after its model
    CHECK(screen.shown("リコー IM C3010の印刷速度を元に戻す", "button"));
    screen.click("リコー IM C3010の印刷速度を保存", "button");
    CHECK(screen.draw_until([&] { return page.speeds.rows().front().pages_per_minute == 30; }));
    CHECK(office.number("SELECT pages_per_minute FROM telemetry_model_speeds") == 30);
    CHECK(screen.draw_until([&] { return screen.find("リコー IM C3010の印刷速度", "textbox")->value == "30"; }));
}

TEST_CASE("the desk reads the 設定 tab without saving, a vendor has none", "[telemetry_settings][headless]") {
    testing::TelemetryOffice office;
    office.model("リコー", "IM C3010");
    {
        SettingsScreen desk(office.server.port(), "desk1");
        desk.click("設定", "tab");
        REQUIRE(desk.draw_until([&] { return desk.shown("リコー IM C3010", "table-row"); }));
        CHECK(desk.shown("設定の変更は情報システム室と管理者が行います。ここでは内容を確認できます。", "status"));
        CHECK(desk.shown("未入力"));
        const auto* field = desk.find("応答なしと判定する連続回数", "textbox");
        REQUIRE(field);
        CHECK_FALSE(field->enabled);
        CHECK_FALSE(desk.shown("設定を保存", "button"));
        CHECK_FALSE(desk.shown("リコー IM C3010の印刷速度を保存", "button"));
        CHECK_FALSE(desk.shown("リコー IM C3010の印刷速度", "textbox"));
    }
    SettingsScreen vendor(office.server.port(), "ricoh1");
    REQUIRE(vendor.draw_until([&] { return vendor.shown("トナー発注", "tab"); }));
    CHECK_FALSE(vendor.shown("設定", "tab"));
}
