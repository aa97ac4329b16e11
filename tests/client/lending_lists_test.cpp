// 自分の貸出, 貸出申請一覧 and 在庫カレンダー against a scripted server: one's own requests with
// both calendars and devices, cancelling; who may decide a request and why not; a rejection
// needs a reason; approval shows the allocated tags; a refused approval is explained; the
// calendar's free counts, short days and closed days; the form's availability hint.
#include <catch2/catch.hpp>

#include "lending/availability_calendar.hpp"
#include "lending/availability_hint.hpp"
#include "lending/my_loans.hpp"
#include "lending/request_queue.hpp"
#include "lending_fixtures.hpp"
#include "scripted_transport.hpp"

using namespace madoguchi;
using i18n::Language;
using identity::Role;
using nlohmann::json;

namespace {

client::ApiResult ok(std::string body) { return {client::ApiResult::Kind::ok, 200, std::move(body), {}, 0}; }

client::CurrentUser user(const std::string& login, std::vector<Role> roles, const std::string& division = "D-DESK") {
    client::CurrentUser user;
    user.login = login;
    user.division_code = division;
    user.roles = std::move(roles);
    return user;
}

json list_of(const std::vector<json>& requests) {
    json list = json::array();
    for (const auto& request : requests) list.push_back(request);
    return json{{"requests", list}};
}

}  // namespace

TEST_CASE("my loans lists only one's own requests, with both calendars and the devices", "[lending][mine]") {
    client::MyLoans mine;
    const json devices = json::array({{{"id", 31}, {"asset_tag", "PRN-0031"}}});
    mine.accept(ok(list_of({testing::loan_request_json(2, "staff", "approved", devices),
                            testing::loan_request_json(1, "desk", "submitted")})
                       .dump()),
                "staff");
    REQUIRE(mine.state() == client::MyLoans::State::loaded);
    REQUIRE(mine.rows().size() == 1);
    const auto& loan = mine.rows().front();
    CHECK(loan.number == "LND-2026-00002");
    CHECK(client::state_text(loan.state, Language::ja) == "承認済");
    CHECK(client::device_tags(loan) == "PRN-0031");
    CHECK(client::both_calendars(loan.due, Language::ja) == "2026-12-10（木） 令和8年12月10日（木）");

    client::MyLoans none;
    none.accept(ok(list_of({}).dump()), "staff");
    CHECK(none.state() == client::MyLoans::State::loaded);
    CHECK(none.rows().empty());
}

TEST_CASE("cancelling sends the request's version and reads the list again", "[lending][mine]") {
    client::ApiClient api;
    testing::ScriptedTransport transport(api);
    client::MyLoans mine;
    mine.load(api, "staff");
    transport.answer(200, list_of({testing::loan_request_json(2, "staff", "approved")}).dump());
    REQUIRE(mine.rows().size() == 1);
    mine.cancel(api, mine.rows().front());
    REQUIRE(transport.waiting() == 1);
    CHECK(transport.next().path == "/api/v1/lending/requests/2/transitions");
    CHECK(json::parse(transport.next().body) == json{{"to", "cancelled"}, {"version", 1}});
    transport.answer(200, json{{"request", testing::loan_request_json(2, "staff", "cancelled")}}.dump());
    CHECK(mine.take_cancelled() == "LND-2026-00002");
    REQUIRE(transport.waiting() == 1);
    transport.answer(200, list_of({testing::loan_request_json(2, "staff", "cancelled")}).dump());
    CHECK(mine.rows().front().state == lending::RequestState::cancelled);

    // A request on loan is no longer the requester's to cancel: nothing is sent.
    mine.accept(ok(list_of({testing::loan_request_json(3, "staff", "on_loan")}).dump()), "staff");
    mine.cancel(api, mine.rows().front());
    CHECK(transport.waiting() == 0);
}

TEST_CASE("only whom the rule names decides, and the others are told why", "[lending][queue]") {
    const auto request = *client::request_from_json(testing::loan_request_json(1, "staff", "submitted"));
    const lending::LoanRule printer{"mobile_printer", 14, lending::Approver::operator_, 2, true, false};
    const lending::LoanRule pc{"business_pc", 30, lending::Approver::manager, 1, true, false};
    CHECK(client::decision_block(request, &printer, user("desk", {Role::desk_operator})).empty());
    CHECK(client::decision_block(request, &printer, user("boss", {Role::manager})) == "lending_client.queue.not_approver");
    CHECK(client::decision_block(request, &printer, user("staff", {Role::desk_operator})) == "lending_client.queue.own_request");
    CHECK(client::decision_block(request, &pc, user("boss", {Role::manager})).empty());
    CHECK(client::decision_block(request, &pc, user("boss", {Role::manager}, "D-OTHER")) == "lending_client.queue.other_division");
    auto decided = request;
    decided.state = lending::RequestState::approved;
    CHECK(client::decision_block(decided, &printer, user("desk", {Role::desk_operator})) == "lending_client.queue.already_decided");
}

TEST_CASE("the queue filters, a rejection needs a reason, an approval shows the allocated tags", "[lending][queue]") {
    client::ApiClient api;
    testing::ScriptedTransport transport(api);
    client::RequestQueue queue(Language::ja);
    queue.class_filter = "mobile_printer";
    queue.load(api);
    CHECK(transport.next().path == "/api/v1/lending/requests?state=submitted&class=mobile_printer");
    transport.answer(200, list_of({testing::loan_request_json(1, "staff", "submitted")}).dump());
    REQUIRE(queue.table().total_rows() == 1);
    CHECK(queue.table().cell_text(0, 2) == "モバイルプリンタ");
    CHECK(queue.table().cell_text(0, 6) == "申請中");
    queue.open(1);
    REQUIRE(queue.opened());

    CHECK_FALSE(queue.decide(api, client::RequestQueue::Decision::reject));
    CHECK(queue.decision_error(Language::ja) == "却下するには理由を入力してください。");
    CHECK(transport.waiting() == 0);

    CHECK(queue.decide(api, client::RequestQueue::Decision::approve));
    CHECK(json::parse(transport.next().body) == json{{"to", "approved"}, {"version", 1}});
    const json devices = json::array({{{"id", 31}, {"asset_tag", "PRN-0031"}}});
    transport.answer(200, json{{"request", testing::loan_request_json(1, "staff", "approved", devices)}}.dump());
    CHECK(queue.take_decided() == "LND-2026-00001");
    // The list is read again (the approved request leaves the submitted filter); the opened one stays.
    transport.answer(200, list_of({}).dump());
    REQUIRE(queue.opened());
    CHECK(queue.opened()->state == lending::RequestState::approved);
    CHECK(client::device_tags(*queue.opened()) == "PRN-0031");
}

TEST_CASE("the queue finds the loans with an extension waiting, and says so in the state column", "[lending][queue]") {
    client::ApiClient api;
    testing::ScriptedTransport transport(api);
    client::RequestQueue queue(Language::ja);
    queue.state_filter = client::RequestQueue::extension_pending_filter;
    queue.load(api);
    CHECK(transport.next().path == "/api/v1/lending/requests?extension=pending");
    auto waiting = testing::loan_request_json(1, "staff", "on_loan");
    waiting["pending_extension_due"] = "2026-12-18";
    auto settled = testing::loan_request_json(2, "staff", "on_loan");
    settled["pending_extension_due"] = nullptr;
    transport.answer(200, list_of({waiting, settled}).dump());
    REQUIRE(queue.table().total_rows() == 2);
    CHECK(queue.table().cell_text(0, 6) == "貸出中（延長申請中 → 2026-12-18）");
    CHECK(queue.table().cell_text(1, 6) == "貸出中");
}

TEST_CASE("an approval refused for want of devices is explained", "[lending][queue]") {
    client::ApiClient api;
    testing::ScriptedTransport transport(api);
    client::RequestQueue queue(Language::ja);
    queue.load(api);
    transport.answer(200, list_of({testing::loan_request_json(1, "staff", "submitted")}).dump());
    queue.open(1);
    queue.decide(api, client::RequestQueue::Decision::approve);
    transport.answer(409, testing::error_body("not_available", "指定の期間に貸し出せる機器が足りません。"));
    CHECK(queue.decision_error(Language::ja).starts_with("承認できません。この期間に割り当てられる機器が足りません"));
    CHECK(queue.take_decided().empty());
}

TEST_CASE("the calendar counts free devices per day, marks short days and knows closed ones", "[lending][calendar]") {
    client::ApiClient api;
    testing::ScriptedTransport transport(api);
    client::AvailabilityCalendar calendar;
    calendar.class_code = "mobile_printer";
    calendar.location_id = 7;
    calendar.show({2026, 12, 1});
    calendar.load(api);
    // The grid's six weeks: Sunday 2026-11-29 to Saturday 2027-01-09.
    CHECK(transport.next().path ==
          "/api/v1/lending/availability?class=mobile_printer&from=2026-11-29&to=2027-01-09&location=7");
    json days = json::array();
    for (int day = 1; day <= 31; ++day) {
        days.push_back({{"date", calendar::format_date({2026, 12, day})},
                        {"available", day >= 8 && day <= 10 ? 0 : 2},
                        {"held", day >= 8 && day <= 10 ? 2 : 0},
                        {"returning", 0}});
    }
    transport.answer(200, json{{"class", "mobile_printer"}, {"location_id", 7}, {"devices", 2}, {"days", days}}.dump());
    REQUIRE(calendar.state() == client::AvailabilityCalendar::State::loaded);
    CHECK(calendar.counts({2026, 12, 1})->available == 2);
    CHECK(calendar.short_on({2026, 12, 9}));
    CHECK_FALSE(calendar.short_on({2026, 12, 11}));
    const auto grid = calendar.grid({2026, 12, 1});
    CHECK(grid.month == 12);
    const auto closure = std::find_if(grid.cells.begin(), grid.cells.end(),
                                      [](const client::DayCell& cell) { return cell.date == calendar::Date{2026, 12, 29}; });
    REQUIRE(closure != grid.cells.end());
    CHECK_FALSE(closure->business_day);

    calendar.move_months(1);
    calendar.load(api);
    CHECK(transport.next().path.find("from=2026-12-27&to=2027-02-06") != std::string::npos);
}

TEST_CASE("the form's hint tells the fewest free devices of the period", "[lending][form]") {
    client::ApiClient api;
    testing::ScriptedTransport transport(api);
    client::AvailabilityHint hint;
    const client::AvailabilityQuery query{"mobile_printer", 7, {2026, 12, 8}, {2026, 12, 10}};
    hint.want(api, query);
    hint.want(api, query);
    REQUIRE(transport.waiting() == 1);
    const json days = json::array({{{"date", "2026-12-08"}, {"available", 3}, {"held", 0}, {"returning", 0}},
                                   {{"date", "2026-12-09"}, {"available", 1}, {"held", 2}, {"returning", 0}},
                                   {{"date", "2026-12-10"}, {"available", 2}, {"held", 1}, {"returning", 0}}});
    transport.answer(200, json{{"days", days}}.dump());
    CHECK(hint.text(1, Language::ja) == "この期間は少なくとも 1 台が空いています。");
    CHECK(hint.short_of(2));
    CHECK(hint.text(2, Language::ja) == "この期間は 1 台しか空いていない日があります。");
}
