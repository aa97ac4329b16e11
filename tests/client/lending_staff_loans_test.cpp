// 自分の貸出 opened, against a scripted server: a loan on loan past its due date is overdue; its
// extensions and the reminders sent are read; an ask for a later due date is checked with the
// shared rule before anything goes out, sent with its reason, and a refusal's latest
// acceptable date is taken with one click; one extension waiting stops another ask.
#include <catch2/catch.hpp>

#include "lending/my_loans.hpp"
#include "lending_fixtures.hpp"
#include "scripted_transport.hpp"

using namespace madoguchi;
using i18n::Language;
using nlohmann::json;

namespace {

json on_loan(std::int64_t id, const std::string& start, const std::string& due) {
    auto loan = testing::loan_request_json(id, "staff", "on_loan", json::array({{{"id", 31}, {"asset_tag", "PRN-0031"}}}));
    loan["start_date"] = start;
    loan["due_date"] = due;
    return loan;
}

client::LoanRequestRecord record(const json& loan) { return *client::request_from_json(loan); }

json extension_json(std::int64_t id, const std::string& due, const std::string& state, const std::string& decision = "") {
    return {{"id", id},          {"request_id", 4},       {"requested_by", "staff"},         {"current_due", "2026-12-10"},
            {"due_date", due},   {"reason", "出張が延長"}, {"state", state},                  {"decided_by", ""},
            {"decided_at", ""},  {"decision_reason", decision}, {"created_at", "2026-12-09T01:00:00Z"}};
}

std::string reminders_body() {
    return json{{"reminders",
                 {{{"id", 1}, {"kind", "before_due"}, {"state", "sent"}, {"overdue_number", 0},
                   {"recorded_at", "2026-12-09T00:00:00Z"}, {"sent_by", "system"}},
                  {{"id", 2}, {"kind", "overdue"}, {"state", "superseded"}, {"overdue_number", 0},
                   {"recorded_at", "2026-12-11T00:00:00Z"}, {"sent_by", "system"}},
                  {{"id", 3}, {"kind", "overdue"}, {"state", "sent"}, {"overdue_number", 1},
                   {"recorded_at", "2026-12-14T01:30:00Z"}, {"sent_by", "system"}}}},
                {"escalated", true}}
        .dump();
}

const lending::LoanRule printer_rule{"mobile_printer", 14, lending::Approver::operator_, 2, true, false};

struct Opened {
    Opened() : transport(api) {}
    // Opens the loan and answers its two reads.
    void open(const json& loan, const json& extensions) {
        detail.open(api, record(loan));
        REQUIRE(transport.waiting() == 2);
        CHECK(transport.next().path == "/api/v1/lending/requests/4/extensions");
        transport.answer(200, json{{"extensions", extensions}}.dump());
        CHECK(transport.next().path == "/api/v1/lending/requests/4/reminders");
        transport.answer(200, reminders_body());
    }
    client::ApiClient api;
    testing::ScriptedTransport transport;
    client::MyLoanDetail detail;
};

}  // namespace

TEST_CASE("a loan on loan past its due date is overdue, one due today or returned is not", "[lending][staff]") {
    const calendar::Date today{2026, 12, 11};
    CHECK(client::overdue(record(on_loan(4, "2026-12-08", "2026-12-10")), today));
    CHECK_FALSE(client::overdue(record(on_loan(4, "2026-12-08", "2026-12-11")), today));
    auto returned = on_loan(4, "2026-12-08", "2026-12-10");
    returned["state"] = "returned";
    CHECK_FALSE(client::overdue(record(returned), today));
}

TEST_CASE("an opened loan shows its extensions and the reminders sent, oldest first", "[lending][staff]") {
    Opened o;
    o.open(on_loan(4, "2026-12-08", "2026-12-10"), json::array({extension_json(1, "2026-12-14", "rejected", "予約があります")}));
    REQUIRE(o.detail.state() == client::MyLoanDetail::State::loaded);
    REQUIRE(o.detail.extensions().size() == 1);
    CHECK(client::extension_state_text(o.detail.extensions().front().state, Language::ja) == "却下");
    CHECK(o.detail.extensions().front().decision_reason == "予約があります");
    // The superseded reminder never went out.
    const auto& history = o.detail.history();
    REQUIRE(history.reminders.size() == 2);
    CHECK(client::reminder_text(history.reminders[0], Language::ja) == "2026-12-09（水） 9:00 返却期限の事前案内");
    CHECK(client::reminder_text(history.reminders[1], Language::ja) == "2026-12-14（月） 10:30 返却督促（第1回）");
    CHECK(history.escalated);
    CHECK(o.detail.can_ask());
}

TEST_CASE("an extension is checked with the shared rule before it goes out", "[lending][staff]") {
    Opened o;
    o.open(on_loan(4, "2026-12-08", "2026-12-10"), json::array());
    const calendar::Date today{2026, 12, 9};
    // Not after the current due date: refused here, nothing sent.
    o.detail.new_due().set(calendar::Date{2026, 12, 10});
    CHECK_FALSE(o.detail.ask(o.api, &printer_rule, today));
    CHECK(o.detail.ask_error(Language::ja) == "延長後の返却期限は現在の返却期限より後の日付にしてください。");
    // Beyond the printers' 14 days from the start: the latest acceptable day, the 14th from the
    // start, is offered and taken with one click.
    o.detail.new_due().set(calendar::Date{2026, 12, 24});
    CHECK_FALSE(o.detail.ask(o.api, &printer_rule, today));
    CHECK(o.detail.ask_error(Language::ja) == "この機器分類の最長貸出期間（貸出開始日から）を超えています。");
    REQUIRE(o.detail.latest_due());
    CHECK(*o.detail.latest_due() == calendar::Date{2026, 12, 21});
    o.detail.take_latest_due();
    CHECK(o.detail.ask_error(Language::ja).empty());
    REQUIRE(o.detail.new_due().value());
    CHECK(*o.detail.new_due().value() == calendar::Date{2026, 12, 21});
    CHECK(o.transport.waiting() == 0);

    o.detail.reason = "出張が延長";
    REQUIRE(o.detail.ask(o.api, &printer_rule, today));
    REQUIRE(o.transport.waiting() == 1);
    CHECK(o.transport.next().method == "POST");
    CHECK(o.transport.next().path == "/api/v1/lending/requests/4/extensions");
    CHECK(json::parse(o.transport.next().body) == json{{"due_date", "2026-12-21"}, {"reason", "出張が延長"}});
    o.transport.answer(201, json{{"extension", extension_json(2, "2026-12-21", "requested")}}.dump());
    CHECK(o.detail.take_asked() == "2026-12-21");
    // The lists are read again: the ask now waits, and no second one can be made.
    REQUIRE(o.transport.waiting() == 2);
    o.transport.answer(200, json{{"extensions", {extension_json(2, "2026-12-21", "requested")}}}.dump());
    o.transport.answer(200, reminders_body());
    CHECK(o.detail.extensions().front().pending());
    CHECK_FALSE(o.detail.can_ask());
    o.detail.new_due().set(calendar::Date{2026, 12, 18});
    CHECK_FALSE(o.detail.ask(o.api, &printer_rule, today));
    CHECK(o.transport.waiting() == 0);
}

TEST_CASE("the server's refusal of an extension offers its latest acceptable due date", "[lending][staff]") {
    Opened o;
    o.open(on_loan(4, "2026-12-08", "2026-12-10"), json::array());
    o.detail.new_due().set(calendar::Date{2026, 12, 18});
    REQUIRE(o.detail.ask(o.api, &printer_rule, calendar::Date{2026, 12, 9}));
    auto refusal = json::parse(testing::error_body("extension_refused", "延長できません。",
                                                   {{"due_date", "the device is reserved by someone else after the current due date"}}));
    refusal["latest_due"] = "2026-12-15";
    o.transport.answer(409, refusal.dump());
    CHECK(o.detail.take_asked().empty());
    CHECK(o.detail.ask_error(Language::ja) == "延長できません。");
    CHECK(o.detail.ask_error(Language::en) == "the device is reserved by someone else after the current due date");
    REQUIRE(o.detail.latest_due());
    CHECK(*o.detail.latest_due() == calendar::Date{2026, 12, 15});
}

TEST_CASE("my loans keep the opened loan in step with the list", "[lending][staff]") {
    client::ApiClient api;
    testing::ScriptedTransport transport(api);
    client::MyLoans mine;
    mine.accept({client::ApiResult::Kind::ok, 200, json{{"requests", {on_loan(4, "2026-12-08", "2026-12-10")}}}.dump(), {}, 0},
                "staff");
    mine.detail.open(api, mine.rows().front());
    // An approved extension moved the due date.
    mine.accept({client::ApiResult::Kind::ok, 200, json{{"requests", {on_loan(4, "2026-12-08", "2026-12-15")}}}.dump(), {}, 0},
                "staff");
    REQUIRE(mine.detail.loan());
    CHECK(mine.detail.loan()->due == calendar::Date{2026, 12, 15});
}
