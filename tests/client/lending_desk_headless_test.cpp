// The desk's lending tabs drawn headless against a real server holding real lending work (a
// kitting task, an overdue loan, a master image, a shipment in transit, a pool below its
// minimum, no return booked), in both languages and both themes, where any ImGui assertion
// fails the run; and the tabs show the server's data as a person would read it.
#include <catch2/catch.hpp>

#include "lending_desk_fixtures.hpp"
#include "live_app_screen.hpp"
#include "ui/format.hpp"
#include "ui/item_registry.hpp"
#include "ui/style.hpp"

using namespace madoguchi;
using i18n::Language;
using nlohmann::json;

TEST_CASE("the desk's lending tabs draw the server's work in both languages and themes", "[lending_desk][headless]") {
    testing::LendingWorld world;
    testing::add_account(world.server, "chief", {identity::Role::desk_operator, identity::Role::admin});
    testing::DeskTab desk(world.server.port(), "desk1");
    testing::DeskTab admin(world.server.port(), "admin1");
    testing::add_account(world.server, "suzuki", {identity::Role::staff});
    testing::DeskTab sato(world.server.port(), "sato");
    testing::DeskTab suzuki(world.server.port(), "suzuki");
    world.furnish(desk, admin, {{"mobile_printer", "MPR-000001"}, {"mobile_printer", "MPR-000002"}, {"mobile_printer", "MPR-000003"},
                                {"business_pc", "BPC-000001"}});
    desk.created("/api/v1/lending/master-images", {{"class", "business_pc"}, {"released", calendar::format_date(world.today)},
                                                   {"notes", "累積更新を適用"}});
    const auto kitting = world.approve(desk, world.request(sato, "mobile_printer"));
    const auto shipped = world.approve(desk, world.request(sato, "mobile_printer", true));
    desk.created("/api/v1/lending/shipments", {{"direction", "outbound"}, {"request_id", shipped["id"]}, {"tags", {shipped["devices"][0]["asset_tag"]}},
                                               {"carrier", "日本郵便"}, {"tracking_number", "1234-5678-9012"},
                                               {"sent_date", calendar::format_date(world.today)}});
    // The overdue loan is another one: a loan marked out is no longer kitted.
    const auto late = world.approve(desk, world.request(suzuki, "mobile_printer"));
    world.overdue(late);
    REQUIRE(admin.call("PUT", "/api/v1/lending/stock/thresholds",
                       {{"thresholds", {{{"class", "mobile_printer"}, {"location_id", nullptr}, {"minimum", 5}}}}})
                .ok());

    testing::LiveAppScreen screen(world.server.port(), 900.0F);
    REQUIRE(screen.draw_until([&] { return screen.app.session().state() == client::SessionState::signed_out; }));
    screen.app.session().form().login = "chief";
    screen.app.session().form().password = testing::account_password;
    screen.app.session().sign_in();
    REQUIRE(screen.draw_until([&] { return screen.app.session().state() == client::SessionState::signed_in; }));
    screen.app.select(client::Area::lending);

    screen.click("キッティング作業", "tab");
    CHECK(screen.wait_for(kitting["devices"][0]["asset_tag"].get<std::string>(), "table-row"));
    screen.click("未返却一覧", "tab");
    CHECK(screen.wait_for(late["number"].get<std::string>(), "table-row"));
    screen.click("マスター管理", "tab");
    CHECK(screen.wait_for("第1版（" + client::format_display_date(world.today, Language::ja, false) + " リリース）現行", "listitem"));
    screen.click("地方局への発送", "tab");
    CHECK(screen.wait_for(shipped["number"].get<std::string>(), "table-row"));
    screen.click("在庫状況", "tab");
    CHECK(screen.wait_for("モバイルプリンタ（全体）", "chart"));
    // Nobody has booked a return: the day's list says so.
    screen.click("返却予約", "tab");
    CHECK(screen.wait_for("この日の返却予約はありません。", "status"));

    for (const auto theme : {client::Theme::standard, client::Theme::high_contrast}) {
        client::apply_style(1.0F, theme);
        for (const auto language : {Language::ja, Language::en}) {
            screen.app.preferences().language = language;
            for (const auto* tab : {"lending_desk.tab.kitting", "lending_desk.tab.overdue", "lending_desk.tab.masters",
                                    "lending_desk.tab.return_bookings", "lending_desk.tab.shipments",
                                    "lending_desk.tab.stock"}) {
                screen.click(i18n::text(tab, language), "tab");
                screen.draw(5);
            }
        }
    }
    client::apply_style(1.0F, client::Theme::standard);
    screen.app.preferences().language = Language::ja;
}
