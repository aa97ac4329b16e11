// 貸出申請 (the staff loan request form) against a scripted server: the shared rules checked as
// typed, the terms accepted, an idempotent submission through the outbox, and the server's
// refusals brought back into the form (the earliest free period as one click, new terms).
#include <catch2/catch.hpp>

#include "lending/loan_request_form.hpp"
#include "lending_fixtures.hpp"
#include "scripted_transport.hpp"
#include "support/server_process.hpp"

using namespace madoguchi;
using client::LoanRequestForm;
using i18n::Language;
using nlohmann::json;

namespace {

const calendar::Date today{2026, 12, 1};

struct Fixture {
    Fixture() : transport(api), store(folder.path()), outbox(store, api), form(store, outbox, reference) {
        store.load();
        outbox.set_owner("staff");
        outbox.add_route(client::loan_request_form_name, {"/api/v1/lending/requests", "/request/number", "sent", "fix", "refused"});
        form.set_owner("staff");
        reference.accept_rules({client::ApiResult::Kind::ok, 200, testing::lending_rules_body(), {}, 0});
        reference.accept_terms({client::ApiResult::Kind::ok, 200, json{{"terms", testing::lending_terms_json(3)}}.dump(), {}, 0});
        reference.accept_locations({client::ApiResult::Kind::ok, 200, testing::lending_locations_body(), {}, 0});
    }

    void fill(calendar::Date start, calendar::Date due) {
        const auto now = LoanRequestForm::Clock::now();
        form.choose_class("mobile_printer", now);
        form.values().purpose = "出張先での印刷";
        form.start_field().set(start);
        form.due_field().set(due);
        form.dates_changed(now);
        form.choose_delivery(lending::Delivery::pickup, now);
        form.choose_location(7, now);
        form.accessories_text() = "予備バッテリー、USBケーブル";
        form.edited(now);  // as the text field reports typing
    }

    // Hands the outbox's answers to the form, as the app does each frame.
    void deliver() {
        for (const auto& event : outbox.take_events()) form.outbox_event(event);
    }

    client::ApiClient api;
    testing::ScriptedTransport transport;
    testing::TempDir folder;
    client::DraftStore store;
    client::Outbox outbox;
    client::LendingReference reference;
    LoanRequestForm form;
};

std::string key_of(const client::HttpRequest& request) {
    for (const auto& [name, value] : request.headers) {
        if (name == "Idempotency-Key") return value;
    }
    return {};
}

}  // namespace

TEST_CASE("the form names what the shared rules refuse and sends nothing", "[lending][form]") {
    Fixture f;
    REQUIRE(f.reference.state() == client::LendingReference::State::loaded);
    f.fill({2026, 12, 10}, {2026, 12, 8});
    f.form.accept_terms(true, LoanRequestForm::Clock::now());
    CHECK(f.form.submit(today, LoanRequestForm::Clock::now()) == LoanRequestForm::Submission::invalid);
    CHECK(f.form.error_for("due_date", today, Language::ja) == "返却予定日が貸出開始日より前です。");

    // Longer than the printer's 14 days.
    f.form.due_field().set(calendar::Date{2026, 12, 28});
    f.form.dates_changed(LoanRequestForm::Clock::now());
    CHECK(f.form.error_for("due_date", today, Language::ja) == "この機器の最長貸出期間を超えています。");
    CHECK(f.form.error_for("due_date", today, Language::en) == "The period is longer than this device class allows.");
    // The year-end closure is a closed day the rule forbids.
    f.form.start_field().set(calendar::Date{2026, 12, 29});
    f.form.due_field().set(calendar::Date{2027, 1, 5});
    f.form.dates_changed(LoanRequestForm::Clock::now());
    CHECK(f.form.error_for("start_date", today, Language::ja) == "閉庁日は指定できません。");
    CHECK(f.transport.waiting() == 0);
}

TEST_CASE("the terms must be accepted before a request goes out", "[lending][form]") {
    Fixture f;
    f.fill({2026, 12, 8}, {2026, 12, 10});
    CHECK(f.form.submit(today, LoanRequestForm::Clock::now()) == LoanRequestForm::Submission::invalid);
    CHECK(f.form.error_for("terms", today, Language::ja) == "利用規約を確認し、同意してください。");
    CHECK(f.transport.waiting() == 0);
}

TEST_CASE("a valid request goes out once through the outbox with the accepted terms version", "[lending][form][drafts]") {
    Fixture f;
    f.fill({2026, 12, 8}, {2026, 12, 10});
    f.form.accept_terms(true, LoanRequestForm::Clock::now());
    REQUIRE(f.form.submit(today, LoanRequestForm::Clock::now()) == LoanRequestForm::Submission::queued);
    CHECK_FALSE(f.form.has_content());
    REQUIRE(f.transport.waiting() == 1);
    const auto& sent = f.transport.next();
    CHECK(sent.method == "POST");
    CHECK(sent.path == "/api/v1/lending/requests");
    CHECK_FALSE(key_of(sent).empty());
    const auto body = json::parse(sent.body);
    CHECK(body["terms_version"] == 3);
    CHECK(body["pickup_location_id"] == 7);
    CHECK(body["start_date"] == "2026-12-08");
    CHECK(body["accessories"] == json::array({"予備バッテリー", "USBケーブル"}));
    CHECK_FALSE(body.contains("ship_address"));
    f.transport.answer(201, json{{"request", testing::loan_request_json(1, "staff", "submitted")}}.dump());
    f.deliver();
    const auto drafts = f.store.list();
    REQUIRE(drafts.size() == 1);
    CHECK(drafts.front()->state == client::DraftState::sent);
    CHECK(drafts.front()->receipt == "LND-2026-00001");
}

TEST_CASE("409 not_available comes back with the earliest period as one click, under a new key", "[lending][form]") {
    Fixture f;
    f.fill({2026, 12, 8}, {2026, 12, 10});
    f.form.accept_terms(true, LoanRequestForm::Clock::now());
    REQUIRE(f.form.submit(today, LoanRequestForm::Clock::now()) == LoanRequestForm::Submission::queued);
    const auto first_key = key_of(f.transport.next());
    auto refusal = json::parse(testing::error_body("not_available", "指定の期間に貸し出せる機器が足りません。"));
    refusal["earliest_start"] = "2026-12-15";
    refusal["earliest_due"] = "2026-12-17";
    f.transport.answer(409, refusal.dump());
    f.deliver();

    CHECK(f.form.values().purpose == "出張先での印刷");
    CHECK(f.form.refusal(Language::ja) == "指定の期間に貸し出せる機器が足りません。");
    REQUIRE(f.form.offer());
    CHECK(f.form.offer()->start == calendar::Date{2026, 12, 15});
    f.form.take_offer(LoanRequestForm::Clock::now());
    CHECK(f.form.values().start_date == "2026-12-15");
    CHECK(f.form.values().due_date == "2026-12-17");
    CHECK(f.form.refusal(Language::ja).empty());

    REQUIRE(f.form.submit(today, LoanRequestForm::Clock::now()) == LoanRequestForm::Submission::queued);
    const auto second_key = key_of(f.transport.next());
    CHECK(second_key != first_key);
    CHECK(json::parse(f.transport.next().body)["start_date"] == "2026-12-15");
}

TEST_CASE("409 terms_not_current shows the new terms, which must be accepted again", "[lending][form]") {
    Fixture f;
    f.fill({2026, 12, 8}, {2026, 12, 10});
    f.form.accept_terms(true, LoanRequestForm::Clock::now());
    REQUIRE(f.form.submit(today, LoanRequestForm::Clock::now()) == LoanRequestForm::Submission::queued);
    auto refusal = json::parse(testing::error_body("terms_not_current", "利用規約が更新されています。"));
    refusal["terms"] = testing::lending_terms_json(4);
    f.transport.answer(409, refusal.dump());
    f.deliver();

    REQUIRE(f.reference.terms());
    CHECK(f.reference.terms()->version == 4);
    CHECK(f.reference.terms()->text(Language::ja) == "第4版: 機器は大切に扱ってください。");
    CHECK_FALSE(f.form.terms_accepted());
    CHECK(f.form.error_for("terms", today, Language::ja) == "利用規約を確認し、同意してください。");
    CHECK(f.form.submit(today, LoanRequestForm::Clock::now()) == LoanRequestForm::Submission::invalid);
    f.form.accept_terms(true, LoanRequestForm::Clock::now());
    REQUIRE(f.form.submit(today, LoanRequestForm::Clock::now()) == LoanRequestForm::Submission::queued);
    CHECK(json::parse(f.transport.next().body)["terms_version"] == 4);
}

TEST_CASE("a 422 puts the server's words beside the field of the same draft", "[lending][form]") {
    Fixture f;
    f.fill({2026, 12, 8}, {2026, 12, 10});
    f.form.accept_terms(true, LoanRequestForm::Clock::now());
    REQUIRE(f.form.submit(today, LoanRequestForm::Clock::now()) == LoanRequestForm::Submission::queued);
    const auto key = key_of(f.transport.next());
    f.transport.answer(422, testing::error_body("validation_failed", "入力内容に誤りがあります。",
                                                {{"pickup_location_id", "This pickup location is not registered."}}));
    f.deliver();
    CHECK(f.form.draft_id() == key);
    CHECK(f.form.error_for("pickup_location_id", today, Language::ja) == "This pickup location is not registered.");
}

TEST_CASE("a typed request is a draft on the device and opens again with its values", "[lending][form][drafts]") {
    Fixture f;
    f.fill({2026, 12, 8}, {2026, 12, 10});
    f.form.flush();
    const auto id = f.form.draft_id();
    REQUIRE_FALSE(id.empty());

    client::DraftStore reopened(f.folder.path());
    reopened.load();
    client::Outbox outbox(reopened, f.api);
    LoanRequestForm again(reopened, outbox, f.reference);
    again.set_owner("staff");
    again.open(id);
    CHECK(again.values().class_code == "mobile_printer");
    CHECK(again.accessories_text() == "予備バッテリー、USBケーブル");
    REQUIRE(again.start_field().value());
    CHECK(*again.start_field().value() == calendar::Date{2026, 12, 8});
}
