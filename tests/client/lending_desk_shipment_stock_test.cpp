// 地方局への発送 and 在庫状況 against a real server: a shipping request approved is offered to
// the shipment form with its recipient and address; the form checks carrier and tracking
// number before sending; the shipment is listed in transit until the desk confirms its
// receipt. The stock report shows each pool now and ahead; an admin's minimum above what is
// free raises the alert, a minimum that is not a number is refused before sending, and
// staff read no stock.
#include <catch2/catch.hpp>

#include "api/form_errors.hpp"
#include "lending/shipment_form.hpp"
#include "lending/shipment_list.hpp"
#include "lending/stock_report.hpp"
#include "lending_desk_fixtures.hpp"

using namespace madoguchi;
using i18n::Language;
using nlohmann::json;

TEST_CASE("the desk ships an approved loan to a bureau and confirms its receipt", "[lending_desk][shipment]") {
    testing::LendingWorld world;
    testing::DeskTab desk(world.server.port(), "desk1");
    testing::DeskTab admin(world.server.port(), "admin1");
    testing::DeskTab sato(world.server.port(), "sato");
    world.furnish(desk, admin, {{"mobile_printer", "MPR-000001"}});
    world.request(sato, "mobile_printer");  // a pickup one is not offered
    const auto loan = world.approve(desk, world.request(sato, "mobile_printer", true));

    client::ShipmentForm form;
    form.load(desk.api);
    desk.wait([&] { return form.state() == client::ShipmentForm::State::loaded; });
    REQUIRE(form.candidates().size() == 1);
    CHECK(form.candidates().front().number == loan["number"].get<std::string>());
    CHECK_FALSE(form.submit(desk.api, world.today));
    CHECK(form.errors().field("request_id", Language::ja) == "必須です。");
    form.choose(form.candidates().front().id, world.today);
    REQUIRE(form.chosen());
    CHECK(form.direction() == "outbound");
    CHECK(form.chosen()->ship_recipient == "近畿局 総務課 山田");
    REQUIRE(form.ticked.size() == 1);
    form.tracking_number = "12-34";
    CHECK_FALSE(form.submit(desk.api, world.today));
    CHECK(form.errors().field("carrier", Language::ja) == "必須です。");
    CHECK(form.errors().field("tracking_number", Language::ja) ==
          "伝票番号の形式が正しくありません（英数字6～30桁、数字4桁以上）。");
    form.carrier = "ヤマト運輸";
    form.tracking_number = "4321-5678-9012";
    REQUIRE(form.submit(desk.api, world.today));
    desk.wait([&] { return !form.submitting(); });
    CHECK(form.errors().general(Language::ja).empty());
    CHECK(form.take_created() == loan["number"].get<std::string>());

    client::ShipmentList list(Language::ja);
    list.load(desk.api);
    desk.wait([&] { return list.state() == client::ShipmentList::State::loaded; });
    REQUIRE(list.rows().size() == 1);
    CHECK(list.table().cell_text(0, 1) == "地方局へ発送");
    CHECK(list.table().cell_text(0, 2) == "輸送中");
    CHECK(list.table().cell_text(0, 4) == "4321-5678-9012");
    CHECK(list.table().cell_text(0, 5) == "MPR-000001");
    CHECK(list.rows().front().address == "大阪府大阪市中央区大手前1-5-44 近畿経済産業局");

    list.open(list.rows().front().id, world.today);
    REQUIRE(list.received.value() == world.today);
    REQUIRE(list.confirm_receipt(desk.api));
    desk.wait([&] { return !list.confirming() && list.state() == client::ShipmentList::State::loaded; });
    CHECK(list.receipt_error(Language::ja).empty());
    CHECK(list.take_received() == loan["number"].get<std::string>());
    desk.wait([&] { return list.rows().front().state == "received"; });
    CHECK(list.table().cell_text(0, 2) == "受領済");
    // Received once: a second confirmation is not offered.
    CHECK_FALSE(list.confirm_receipt(desk.api));
    const auto request = desk.call("GET", "/api/v1/lending/requests/" + std::to_string(loan["id"].get<std::int64_t>()));
    CHECK(json::parse(request.body)["request"]["state"] == "on_loan");
}

TEST_CASE("the stock report shows the pools, and a minimum above what is free raises the alert", "[lending_desk][stock]") {
    testing::LendingWorld world;
    testing::DeskTab desk(world.server.port(), "desk1");
    testing::DeskTab admin(world.server.port(), "admin1");
    testing::DeskTab sato(world.server.port(), "sato");
    world.furnish(desk, admin, {{"mobile_printer", "MPR-000001"}, {"mobile_printer", "MPR-000002"}});

    client::StockReport stock(Language::ja);
    stock.load(admin.api);
    admin.wait([&] { return stock.state() == client::StockReport::State::loaded; });
    const client::StockPool* printers = nullptr;
    std::size_t index = 0;
    for (std::size_t i = 0; i < stock.pools().size(); ++i) {
        if (stock.pools()[i].class_code == "mobile_printer" && !stock.pools()[i].location_id) {
            printers = &stock.pools()[i];
            index = i;
        }
    }
    REQUIRE(printers != nullptr);
    CHECK(printers->devices == 2);
    CHECK(printers->available_now == 2);
    CHECK(printers->weeks.size() == 8);
    CHECK(stock.alerts().empty());
    CHECK(client::pool_name(*printers, Language::ja) == "モバイルプリンタ（全体）");

    REQUIRE(stock.minimums.size() == stock.pools().size());
    stock.minimums[index] = "三";
    CHECK_FALSE(stock.save_thresholds(admin.api));
    CHECK(stock.save_error(Language::ja) == "0から10000の範囲で入力してください。");
    stock.minimums[index] = "3";
    REQUIRE(stock.save_thresholds(admin.api));
    admin.wait([&] { return !stock.saving(); });
    CHECK(stock.save_error(Language::ja).empty());
    CHECK(stock.take_saved());
    admin.wait([&] { return stock.state() == client::StockReport::State::loaded && !stock.alerts().empty(); });
    REQUIRE(stock.alerts().size() == 1);
    const auto& short_pool = *stock.alerts().front();
    CHECK(short_pool.below);
    CHECK(client::pool_alert(short_pool, Language::ja) ==
          "モバイルプリンタ（全体）: 貸出可能 2台が安全在庫 3台を下回っています。");
    const auto chart = client::pool_chart(short_pool, Language::ja);
    REQUIRE(chart.series.size() == 2);
    CHECK(chart.series[1].values == std::vector<double>(8, 3.0));

    // The desk reads the same report but the minimums are the admins'.
    client::StockReport desk_view(Language::ja);
    desk_view.load(desk.api);
    desk.wait([&] { return desk_view.state() == client::StockReport::State::loaded; });
    for (auto& minimum : desk_view.minimums) minimum = "1";
    REQUIRE(desk_view.save_thresholds(desk.api));
    desk.wait([&] { return !desk_view.saving(); });
    CHECK(desk_view.save_error(Language::ja) == i18n::text("error.forbidden", Language::ja));

    client::StockReport refused(Language::ja);
    refused.load(sato.api);
    sato.wait([&] { return refused.state() != client::StockReport::State::loading; });
    CHECK(refused.state() == client::StockReport::State::failed);
}
