// The counter's view-model against a real server: a visit from the staff card through a
// refused tag, the handover with its receipt, and a return with its inspection; two counters
// handing over the same device; misreads judged at once; the idle reset, which also drops
// answers that come back for a visit already over; the receipt's rows.
#include <catch2/catch.hpp>

#include <map>

#include "counter/counter_receipt.hpp"
#include "counter/counter_session.hpp"
#include "counter_fixtures.hpp"
#include "test_accounts.hpp"

using madoguchi::client::CounterSession;
using madoguchi::client::ReturnInspection;
using namespace madoguchi;
using namespace std::chrono_literals;
using i18n::Language;

namespace {

using Clock = CounterSession::WallClock;

// Scans and waits for the server's verdict; answers it.
client::ScanVerdict scanned(CounterSession& session, client::ApiClient& api, const std::string& code) {
    session.scan(api, code, Clock::now());
    REQUIRE(testing::drain_until(api, [&] { return !session.busy(); }));
    const auto verdict = session.verdict(Clock::now());
    REQUIRE(verdict);
    return *verdict;
}

void settle(CounterSession& session, client::ApiClient& api) {
    REQUIRE(testing::drain_until(api, [&] { return !session.busy(); }));
}

}  // namespace

TEST_CASE("a counter visit: the card, a refused tag, the handover with its receipt, a return with its inspection", "[counter]") {
    testing::CounterWorld world;
    auto& api = world.desk->api;
    CounterSession session(90);
    session.set_counter(world.counter);

    auto verdict = scanned(session, api, "NOSUCHCARD1");
    CHECK_FALSE(verdict.accepted);
    CHECK(client::verdict_text(verdict, Language::ja) == "この職員証は登録されていません。番号を確かめてもう一度読み取ってください。");
    CHECK(session.screen() == CounterSession::Screen::start);

    verdict = scanned(session, api, " mt200001 ");
    CHECK(verdict.accepted);
    REQUIRE(session.screen() == CounterSession::Screen::person);
    REQUIRE(session.person());
    CHECK(session.person()->name == "試験 sato");
    REQUIRE(session.person()->ready.size() == 1);
    CHECK(session.person()->ready[0].number == world.loan["number"]);
    REQUIRE(session.person()->ready[0].devices.size() == 1);
    CHECK(session.person()->ready[0].devices[0].ready);
    CHECK(session.person()->loans.empty());

    // Somebody else's device, and one not in the ledger: refused, nothing changes.
    verdict = scanned(session, api, world.other_tag);
    CHECK_FALSE(verdict.accepted);
    CHECK(client::verdict_text(verdict, Language::ja) == "この方の貸出ではありません。");
    verdict = scanned(session, api, "MPR-999999");
    CHECK_FALSE(verdict.accepted);
    CHECK(client::verdict_text(verdict, Language::ja) == "この資産番号の機器は台帳にありません。何も変更していません。");
    CHECK(session.basket().empty());
    CHECK(world.device_state(world.other_tag) == "in_stock");

    verdict = scanned(session, api, world.ready_tag);
    CHECK(verdict.accepted);
    REQUIRE(session.basket().size() == 1);
    CHECK(session.basket()[0].asset_tag == world.ready_tag);
    session.scan(api, world.ready_tag, Clock::now());  // read twice: judged at once
    CHECK(session.verdict(Clock::now())->message_key == "counter.tag_twice");
    CHECK(session.take_sounds() == std::vector<bool>{false, true, false, false, true, false});

    session.hand_over(api, Clock::now());
    settle(session, api);
    CHECK(session.verdict(Clock::now())->message_key == "counter.handed_over");
    REQUIRE(session.receipts().size() == 1);
    const auto& receipt = session.receipts()[0];
    CHECK(receipt.tags == std::vector<std::string>{world.ready_tag});
    CHECK(calendar::format_date(receipt.due) == world.loan["due_date"]);
    CHECK(receipt.terms_version == world.loan["terms_version"]);
    CHECK(receipt.counter_name.find("貸出窓口") != std::string::npos);
    CHECK(receipt.operator_name == "試験 desk1");
    CHECK(world.device_state(world.ready_tag) == "on_loan");
    // The lists were read again: the device is now out with sato.
    CHECK(session.person()->ready.empty());
    REQUIRE(session.person()->loans.size() == 1);
    CHECK(session.person()->loans[0].asset_tag == world.ready_tag);

    // Back at once, damaged: the inspection needs a description, then opens a repair ticket.
    verdict = scanned(session, api, world.ready_tag);
    CHECK(verdict.message_key == "counter.tag_for_return");
    REQUIRE(session.inspection());
    // What went out with it comes with the server's verdict.
    CHECK(session.inspection()->accessories == std::vector<std::string>{"ACアダプタ"});
    session.inspection()->choice = ReturnInspection::Choice::damaged;
    CHECK(session.inspection_problem() == "counter.describe_damage");
    session.confirm_return(api, Clock::now());
    CHECK_FALSE(session.busy());  // nothing sent
    session.inspection()->note = "液晶に割れ";
    session.inspection()->missing[0] = true;
    CHECK(session.inspection_problem().empty());
    session.confirm_return(api, Clock::now());
    settle(session, api);
    CHECK(session.verdict(Clock::now())->message_key == "counter.returned");
    CHECK_FALSE(session.inspection());
    REQUIRE(session.returns().size() == 1);
    CHECK(session.returns()[0].outcome == "damaged");
    CHECK(session.returns()[0].next_state == "in_repair");
    CHECK(session.returns()[0].missing_accessories == std::vector<std::string>{"ACアダプタ"});
    CHECK_FALSE(session.returns()[0].repair_ticket_number.empty());
    CHECK(world.device_state(world.ready_tag) == "in_repair");
    CHECK(session.person()->loans.empty());
}

TEST_CASE("two counters hand over the same device: the second is told and reads the loans again", "[counter]") {
    testing::CounterWorld world;
    testing::add_account(world.server, "desk2", {identity::Role::desk_operator}, "D-DESK");
    testing::SignedInTab other_desk(world.server.port(), "desk2");
    CounterSession first(90);
    CounterSession second(90);
    first.set_counter(world.counter);
    second.set_counter(world.counter);
    for (auto* session : {&first, &second}) {
        auto& api = session == &first ? world.desk->api : other_desk.api;
        REQUIRE(scanned(*session, api, testing::sato_card).accepted);
        REQUIRE(scanned(*session, api, world.ready_tag).accepted);
    }
    first.hand_over(world.desk->api, Clock::now());
    settle(first, world.desk->api);
    REQUIRE(first.receipts().size() == 1);

    second.hand_over(other_desk.api, Clock::now());
    settle(second, other_desk.api);
    REQUIRE(testing::drain_until(other_desk.api, [&] { return !second.busy(); }));
    const auto verdict = second.verdict(Clock::now());
    REQUIRE(verdict);
    CHECK_FALSE(verdict->accepted);
    CHECK(client::verdict_text(*verdict, Language::ja).find("他の窓口で先に処理された") != std::string::npos);
    CHECK(second.receipts().empty());
    CHECK(second.basket().empty());
    CHECK(second.person()->ready.empty());
    REQUIRE(second.person()->loans.size() == 1);
    CHECK(second.person()->loans[0].asset_tag == world.ready_tag);
}

TEST_CASE("misreads and a tag before the card are refused at once, an empty Enter is ignored, a counter without a location hands nothing over", "[counter]") {
    client::ApiClient api;  // no transport: nothing may be sent
    CounterSession session(90);
    const auto now = Clock::now();
    session.scan(api, "PC-000123", now);
    CHECK(session.verdict(now)->message_key == "counter.staff_card_first");
    session.scan(api, "#$%", now);
    CHECK(session.verdict(now)->message_key == "counter.unreadable");
    CHECK(api.in_flight() == 0);
    CHECK(session.take_sounds() == std::vector<bool>{false, false});
    CHECK_FALSE(session.verdict(now + CounterSession::verdict_shown));
    // Enter on an empty field is no scan: no verdict, no tone.
    session.scan(api, "", now + CounterSession::verdict_shown);
    session.scan(api, "  \r\n", now + CounterSession::verdict_shown);
    CHECK_FALSE(session.verdict(now + CounterSession::verdict_shown));
    CHECK(session.take_sounds().empty());
}

TEST_CASE("a counter left alone goes back to the start, with a countdown first, and ignores late answers", "[counter]") {
    testing::CounterWorld world;
    auto& api = world.desk->api;
    CounterSession session(30);
    session.set_counter(world.counter);
    REQUIRE(scanned(session, api, testing::sato_card).accepted);
    const auto start = Clock::now();
    session.activity(start);
    CHECK_FALSE(session.update(start + 15s));
    CHECK_FALSE(session.reset_countdown(start + 15s));
    REQUIRE(session.reset_countdown(start + 22s));
    CHECK(*session.reset_countdown(start + 22s) == 8);
    session.activity(start + 25s);  // someone touched the screen: the clock starts again
    CHECK_FALSE(session.update(start + 50s));

    // A tag's verdict is on its way when the visit times out: it must not land in the next one.
    session.scan(api, world.ready_tag, start + 51s);
    CHECK(session.update(start + 90s));
    CHECK(session.screen() == CounterSession::Screen::start);
    CHECK_FALSE(session.busy());
    REQUIRE(testing::drain_until(api, [&] { return api.in_flight() == 0; }));
    CHECK(session.basket().empty());
    CHECK_FALSE(session.person());
    CHECK(session.card().empty());
    CHECK_FALSE(session.update(start + 600s));  // the start screen has nothing to reset
}

TEST_CASE("the loan receipt has the tags, the due date in both calendars and the terms version", "[counter]") {
    client::HandoverReceipt receipt;
    receipt.request_number = "LND-2026-00007";
    receipt.person_login = "sato";
    receipt.person_name = "佐藤 花子";
    receipt.class_code = "mobile_printer";
    receipt.tags = {"MPR-000001"};
    receipt.accessories = {"ACアダプタ"};
    receipt.start = {2026, 12, 1};
    receipt.due = {2026, 12, 4};
    receipt.terms_version = 3;
    receipt.counter_name = "経済産業省 別館 1階 貸出窓口";
    receipt.operator_name = "窓口 太郎";
    receipt.handed_at = "2026-12-01T00:30:00Z";
    const auto sheet = client::handover_sheet(receipt, Language::ja);
    CHECK(sheet.title == "貸出票");
    std::map<std::string, std::string> rows;
    for (const auto& row : sheet.rows) rows[row.label] = row.value;
    CHECK(rows["借用者"] == "佐藤 花子（sato）");
    CHECK(rows["機器"] == "モバイルプリンタ MPR-000001");
    CHECK(rows["付属品"] == "ACアダプタ");
    CHECK(rows["返却予定日"] == "2026-12-04（金） 令和8年12月4日（金）");
    CHECK(rows["利用規約"] == "第3版に同意済み");
    CHECK(rows["貸出日時"] == "2026-12-01（火） 9:30");
}
