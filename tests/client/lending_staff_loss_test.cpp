// 紛失・盗難の届出 against a scripted server: the shared rules name what is missing and nothing
// goes out; a report is a draft on the device and goes out once through the outbox with its
// key; the security incident's number comes back; a 422 returns to the same draft, another
// refusal continues under a new key; the reports list the incident and the remote wipe note.
#include <catch2/catch.hpp>

#include "lending/loss_report_form.hpp"
#include "lending/loss_reports.hpp"
#include "lending_fixtures.hpp"
#include "scripted_transport.hpp"
#include "support/server_process.hpp"

using namespace madoguchi;
using client::LossReportForm;
using i18n::Language;
using nlohmann::json;

namespace {

// 2026-12-10 12:00 in Tokyo.
const calendar::Instant now = *calendar::parse_iso8601("2026-12-10T03:00:00Z").instant;

struct Fixture {
    Fixture() : transport(api), store(folder.path()), outbox(store, api), form(store, outbox) {
        store.load();
        outbox.set_owner("staff");
        outbox.add_route(client::loss_report_form_name,
                         {"/api/v1/lending/loss-reports", "/loss_report/ticket/number", "sent", "fix", "refused"});
        form.set_owner("staff");
    }

    void fill() {
        const auto steady = LossReportForm::Clock::now();
        form.choose_tag("GSS-000042", steady);
        form.choose_kind(lending::LossKind::stolen, steady);
        form.occurred().set(calendar::parse_iso8601("2026-12-09T09:30:00Z").instant);
        form.occurred_changed(steady);
        form.values().place = "東京駅 八重洲口";
        form.values().circumstances = "鞄ごと置き引きに遭いました。";
        form.edited(steady);
    }

    void deliver() {
        for (const auto& event : outbox.take_events()) form.outbox_event(event);
    }

    client::ApiClient api;
    testing::ScriptedTransport transport;
    testing::TempDir folder;
    client::DraftStore store;
    client::Outbox outbox;
    LossReportForm form;
};

std::string key_of(const client::HttpRequest& request) {
    for (const auto& [name, value] : request.headers) {
        if (name == "Idempotency-Key") return value;
    }
    return {};
}

json report_json(bool wipe) {
    return {{"id", 3},
            {"asset_tag", "GSS-000042"},
            {"class", wipe ? "gss_terminal" : "mobile_printer"},
            {"request_id", 4},
            {"request_number", "LND-2026-00004"},
            {"kind", "stolen"},
            {"occurred_at", "2026-12-09T18:30:00+09:00"},
            {"place", "東京駅 八重洲口"},
            {"remote_wipe_requested", wipe},
            {"ticket", {{"id", 9}, {"number", "SEC-2026-00009"}}},
            {"replacement", nullptr}};
}

}  // namespace

TEST_CASE("the loss report names what the shared rules refuse and sends nothing", "[lending][staff][loss]") {
    Fixture f;
    f.form.choose_kind(lending::LossKind::lost, LossReportForm::Clock::now());
    CHECK(f.form.submit(now, LossReportForm::Clock::now()) == LossReportForm::Submission::invalid);
    CHECK(f.form.error_for("tag", now, Language::ja) == "必須です。");
    CHECK(f.form.error_for("place", now, Language::ja) == "必須です。");
    CHECK(f.form.error_for("kind", now, Language::ja).empty());
    // Not in the future.
    f.fill();
    f.form.occurred().set(calendar::parse_iso8601("2026-12-11T00:00:00Z").instant);
    f.form.occurred_changed(LossReportForm::Clock::now());
    CHECK(f.form.error_for("occurred_at", now, Language::ja) == "未来の日時は指定できません。");
    CHECK(f.form.submit(now, LossReportForm::Clock::now()) == LossReportForm::Submission::invalid);
    CHECK(f.transport.waiting() == 0);
}

TEST_CASE("a loss report goes out once through the outbox and the incident's number comes back", "[lending][staff][loss][drafts]") {
    Fixture f;
    f.fill();
    REQUIRE(f.form.submit(now, LossReportForm::Clock::now()) == LossReportForm::Submission::queued);
    CHECK_FALSE(f.form.has_content());
    REQUIRE(f.transport.waiting() == 1);
    const auto& sent = f.transport.next();
    CHECK(sent.path == "/api/v1/lending/loss-reports");
    CHECK_FALSE(key_of(sent).empty());
    CHECK(json::parse(sent.body) == json{{"tag", "GSS-000042"},
                                         {"kind", "stolen"},
                                         {"occurred_at", "2026-12-09T18:30:00+09:00"},
                                         {"place", "東京駅 八重洲口"},
                                         {"circumstances", "鞄ごと置き引きに遭いました。"}});
    f.transport.answer(201, json{{"loss_report", report_json(true)}}.dump());
    f.deliver();
    CHECK(f.form.take_incident() == "SEC-2026-00009");
    CHECK(f.form.take_incident().empty());
    const auto drafts = f.store.list();
    REQUIRE(drafts.size() == 1);
    CHECK(drafts.front()->state == client::DraftState::sent);
}

TEST_CASE("a report written offline stays a draft and is sent again with the same key", "[lending][staff][loss][drafts]") {
    Fixture f;
    f.fill();
    REQUIRE(f.form.submit(now, LossReportForm::Clock::now()) == LossReportForm::Submission::queued);
    const auto key = key_of(f.transport.next());
    f.transport.answer(0, "");  // no answer: the network is gone
    REQUIRE(f.store.find(key));
    CHECK(f.store.find(key)->state == client::DraftState::queued);
    f.outbox.send_all(LossReportForm::Clock::now());
    REQUIRE(f.transport.waiting() == 1);
    CHECK(key_of(f.transport.next()) == key);
}

TEST_CASE("a 422 returns to the same draft, a 409 continues under a new key", "[lending][staff][loss]") {
    Fixture f;
    f.fill();
    REQUIRE(f.form.submit(now, LossReportForm::Clock::now()) == LossReportForm::Submission::queued);
    const auto first = key_of(f.transport.next());
    f.transport.answer(422, testing::error_body("validation_failed", "入力内容に誤りがあります。", {{"place", "is too long"}}));
    f.deliver();
    CHECK(f.form.draft_id() == first);
    CHECK(f.form.error_for("place", now, Language::en) == "is too long");
    CHECK(f.form.values().tag == "GSS-000042");

    REQUIRE(f.form.submit(now, LossReportForm::Clock::now()) == LossReportForm::Submission::queued);
    CHECK(key_of(f.transport.next()) == first);
    f.transport.answer(409, testing::error_body("not_on_loan", "貸出中の機器ではありません。"));
    f.deliver();
    CHECK(f.form.refusal(Language::ja) == "貸出中の機器ではありません。");
    CHECK(f.form.values().circumstances == "鞄ごと置き引きに遭いました。");
    CHECK_FALSE(f.form.draft_id().empty());
    CHECK(f.form.draft_id() != first);
    CHECK_FALSE(f.store.find(first));
}

TEST_CASE("the reports list the incident and whether a remote wipe was requested", "[lending][staff][loss]") {
    client::LossReports reports;
    reports.accept({client::ApiResult::Kind::ok, 200, json{{"loss_reports", {report_json(true), report_json(false)}}}.dump(), {}, 0});
    REQUIRE(reports.state() == client::LossReports::State::loaded);
    REQUIRE(reports.rows().size() == 2);
    CHECK(reports.rows()[0].incident_number == "SEC-2026-00009");
    CHECK(reports.rows()[0].remote_wipe_requested);
    CHECK_FALSE(reports.rows()[1].remote_wipe_requested);
    CHECK(reports.rows()[0].replacement_number.empty());
}
