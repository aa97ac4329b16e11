// トナー発注 against a real server: the desk's board groups the orders ordered → shipped →
// delivered → replaced → collected with device, colour, address, contact and age, and moves one
// on with its version; a stale version is refused in the user's words and the order comes back
// as it is now; the Ricoh vendor sees and moves only its company's orders, another vendor none;
// the IT office and auditors read without actions.
#include <catch2/catch.hpp>

#include "api/form_errors.hpp"
#include "telemetry/toner_board.hpp"
#include "telemetry_office_fixtures.hpp"

using namespace madoguchi;
using i18n::Language;
using telemetry::OrderState;

namespace {

std::vector<std::string> tags_in(const client::TonerBoard& board, OrderState state) {
    std::vector<std::string> tags;
    for (const auto& group : board.groups()) {
        if (group.state != state) continue;
        for (const auto* order : group.orders) tags.push_back(order->asset_tag + "/" + order->colour);
    }
    return tags;
}

void load(testing::DeskTab& tab, client::TonerBoard& board) {
    board.load(tab.api);
    tab.wait([&] { return board.state() != client::TonerBoard::State::loading; });
    REQUIRE(board.state() == client::TonerBoard::State::loaded);
}

const client::TonerOrder& order_of(const client::TonerBoard& board, std::int64_t id) {
    const auto found = std::find_if(board.orders().begin(), board.orders().end(), [&](const auto& order) { return order.id == id; });
    REQUIRE(found != board.orders().end());
    return *found;
}

}  // namespace

TEST_CASE("the desk's toner board groups the orders by state and moves one on", "[telemetry_office][toner]") {
    testing::TelemetryOffice office;
    const auto model = office.model("リコー", "RICOH IM C3510F");
    const auto mfp1 = office.printer("MFP-000001", model);
    const auto mfp2 = office.printer("MFP-000002", model);
    const auto ordered_old = office.toner_order(mfp1, "cyan", "ordered", "リコージャパン株式会社", 80);
    office.toner_order(mfp2, "black", "ordered", "リコージャパン株式会社", 2);
    office.toner_order(mfp1, "black", "shipped", "リコージャパン株式会社", 30);
    office.toner_order(mfp2, "yellow", "replaced", "リコージャパン株式会社", 50);
    office.toner_order(mfp2, "magenta", "collected", "リコージャパン株式会社", 200);
    testing::DeskTab desk(office.server.port(), "desk1");

    client::TonerBoard board;
    load(desk, board);
    CHECK(board.orders().size() == 5);
    const auto groups = board.groups();
    REQUIRE(groups.size() == 5);
    CHECK(groups[0].state == OrderState::ordered);
    CHECK(groups[4].state == OrderState::collected);
    // The longest waiting first.
    CHECK(tags_in(board, OrderState::ordered) == std::vector<std::string>{"MFP-000001/cyan", "MFP-000002/black"});
    CHECK(tags_in(board, OrderState::shipped) == std::vector<std::string>{"MFP-000001/black"});
    CHECK(tags_in(board, OrderState::delivered).empty());
    CHECK(tags_in(board, OrderState::replaced) == std::vector<std::string>{"MFP-000002/yellow"});
    CHECK(tags_in(board, OrderState::collected) == std::vector<std::string>{"MFP-000002/magenta"});
    const auto& old = order_of(board, ordered_old);
    CHECK(old.delivery_address == "本館10階 総務課前");
    CHECK(old.contact == "総務課 山田 内線1234");
    CHECK(old.level_at_order == 8);
    const auto now = calendar::now();
    CHECK(client::order_age_text(old, now, Language::ja) == "3日");
    CHECK(client::order_age_text(old, now, Language::en) == "3 d");
    const auto roles = desk.session.user()->roles;
    CHECK(client::TonerBoard::action_for(old, roles) == OrderState::shipped);

    REQUIRE(board.move(desk.api, ordered_old, OrderState::shipped));
    CHECK_FALSE(board.move(desk.api, ordered_old, OrderState::shipped));  // one at a time
    desk.wait([&] { return !board.moving(); });
    CHECK(board.move_error(Language::ja).empty());
    const auto moved = board.take_moved();
    REQUIRE(moved);
    CHECK(moved->second == OrderState::shipped);
    CHECK(order_of(board, ordered_old).state == OrderState::shipped);
    CHECK(tags_in(board, OrderState::shipped) == std::vector<std::string>{"MFP-000001/cyan", "MFP-000001/black"});
    CHECK(office.number("SELECT count(*) FROM audit_log WHERE action = 'telemetry.toner_order.shipped'") == 1);

    // The vendor moved it on meanwhile: the board's version is stale.
    office.execute("UPDATE telemetry_toner_orders SET state = 'delivered', version = version + 1 WHERE id = " +
                   std::to_string(ordered_old));
    REQUIRE(board.move(desk.api, ordered_old, OrderState::delivered));
    desk.wait([&] { return !board.moving(); });
    CHECK(board.refused_order() == ordered_old);
    CHECK(board.move_error(Language::ja) == i18n::text("error.stale_version", Language::ja));
    CHECK_FALSE(board.take_moved());
    CHECK(order_of(board, ordered_old).state == OrderState::delivered);
    CHECK(client::TonerBoard::action_for(order_of(board, ordered_old), roles) == OrderState::collected);
}

TEST_CASE("a vendor's board holds its own company's orders, which it moves on, and others read it without actions",
          "[telemetry_office][toner]") {
    testing::TelemetryOffice office;
    const auto model = office.model("リコー", "RICOH IM C3510F");
    const auto mfp = office.printer("MFP-000001", model);
    const auto ricoh_order = office.toner_order(mfp, "black", "shipped", "リコージャパン株式会社", 5);
    office.toner_order(mfp, "cyan", "ordered", "別会社株式会社", 5);

    testing::DeskTab ricoh(office.server.port(), "ricoh1");
    client::TonerBoard board;
    load(ricoh, board);
    REQUIRE(board.orders().size() == 1);
    CHECK(board.orders().front().id == ricoh_order);
    CHECK(client::TonerBoard::action_for(board.orders().front(), ricoh.session.user()->roles) == OrderState::delivered);
    REQUIRE(board.move(ricoh.api, ricoh_order, OrderState::delivered));
    ricoh.wait([&] { return !board.moving(); });
    CHECK(board.move_error(Language::ja).empty());
    CHECK(board.orders().front().state == OrderState::delivered);

    testing::DeskTab other(office.server.port(), "other1");
    client::TonerBoard none;
    load(other, none);
    CHECK(none.orders().empty());

    for (const auto* login : {"itoffice1", "audit1"}) {
        testing::DeskTab reader(office.server.port(), login);
        client::TonerBoard read;
        load(reader, read);
        CHECK(read.orders().size() == 2);
        for (const auto& order : read.orders()) CHECK_FALSE(client::TonerBoard::action_for(order, reader.session.user()->roles));
    }

    // Another user signs in on the same screen: nothing of the vendor's stays.
    board.clear();
    CHECK(board.state() == client::TonerBoard::State::idle);
    CHECK(board.orders().empty());
}

TEST_CASE("an order's age counts until it closed", "[telemetry_office][toner]") {
    client::TonerOrder order;
    order.created_at = calendar::Instant{1'000'000};
    CHECK(client::order_age_text(order, calendar::Instant{1'000'000 + 59 * 60}, Language::ja) == "1時間未満");
    CHECK(client::order_age_text(order, calendar::Instant{1'000'000 + 5 * 3600}, Language::ja) == "5時間");
    order.closed_at = calendar::Instant{1'000'000 + 2 * 86400 + 100};
    CHECK(client::order_age_text(order, calendar::Instant{1'000'000 + 40 * 86400}, Language::en) == "2 d");
    CHECK(client::next_order_state(OrderState::replaced) == OrderState::collected);
    CHECK_FALSE(client::next_order_state(OrderState::collected));
}
