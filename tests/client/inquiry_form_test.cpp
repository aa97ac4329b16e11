#include <catch2/catch.hpp>

#include "platform/native/http_native.hpp"
#include "support/server_process.hpp"
#include "tickets/inquiry_form.hpp"

using namespace madoguchi;
using client::DraftState;
using client::DraftStore;
using client::InquiryForm;
using i18n::Language;
using namespace std::chrono_literals;

namespace {

// A form whose outbox points at a port where nothing listens: submissions stay queued.
struct Fixture {
    Fixture() : transport(api, "127.0.0.1", 1), store(folder.path()), outbox(store, api), form(store, outbox) {
        api.set_transport(&transport);
        store.load();
        outbox.add_route(client::inquiry_form_name, {"/api/v1/inquiries", "/inquiry/number", "sent", "fix", "refused"});
    }
    client::ApiClient api;
    client::NativeHttpTransport transport;
    testing::TempDir folder;
    DraftStore store;
    client::Outbox outbox;
    InquiryForm form;
};

void fill(InquiryForm& form, std::chrono::steady_clock::time_point now) {
    auto& v = form.values();
    v.requester_name = "佐藤 一郎";
    v.division = "大臣官房会計課";
    v.contact = "内線 2345";
    v.subject = "iPad の貸出について";
    v.body = "来週の出張で使いたいです。";
    form.choose_category(0, now);
}

}  // namespace

TEST_CASE("problems show once a field is left, in the current language, from the shared rules", "[inquiry]") {
    Fixture f;
    const auto now = std::chrono::steady_clock::now();
    CHECK(f.form.error_for("subject", Language::ja).empty());  // nothing shouts before the user got there
    f.form.left("subject", now);
    CHECK(f.form.error_for("subject", Language::ja) == i18n::text("field.required", Language::ja));
    CHECK(f.form.error_for("subject", Language::en) == i18n::text("field.required", Language::en));
    CHECK(f.form.error_for("body", Language::ja).empty());
    f.form.values().subject = std::string(201, 'a');
    CHECK(f.form.error_for("subject", Language::ja) == i18n::text("field.too_long_200", Language::ja));
}

TEST_CASE("typing saves a draft after a pause, and a blank form makes none", "[inquiry][drafts]") {
    Fixture f;
    const auto start = std::chrono::steady_clock::now();
    f.form.update(start + 10s);
    CHECK(f.store.list().empty());
    f.form.values().subject = "モニターが映らない";
    f.form.edited(start);
    f.form.update(start + 100ms);
    CHECK(f.store.list().empty());
    CHECK(f.form.unsaved());
    f.form.update(start + InquiryForm::save_pause);
    REQUIRE(f.store.list().size() == 1);
    const auto* draft = f.store.list()[0];
    CHECK(draft->state == DraftState::editing);
    CHECK(draft->title == "モニターが映らない");
    CHECK(draft->id == f.form.draft_id());
    CHECK_FALSE(f.form.unsaved());
    CHECK_FALSE(f.form.saved_at().empty());
}

TEST_CASE("submitting a form with problems names every one and sends nothing", "[inquiry]") {
    Fixture f;
    f.form.values().subject = "件名だけ";
    CHECK(f.form.submit(std::chrono::steady_clock::now()) == InquiryForm::Submission::invalid);
    for (const auto* field : {"requester_name", "division", "contact", "category", "body"}) {
        INFO(field);
        CHECK_FALSE(f.form.error_for(field, Language::ja).empty());
    }
    CHECK(f.form.error_for("subject", Language::ja).empty());
    CHECK(f.outbox.waiting() == 0);
    REQUIRE(f.store.list().size() == 1);  // what was typed is kept as a draft
    CHECK(f.store.list()[0]->state == DraftState::editing);
}

TEST_CASE("a valid form goes to the outbox and a fresh form starts", "[inquiry]") {
    Fixture f;
    const auto now = std::chrono::steady_clock::now();
    fill(f.form, now);
    const auto id = f.form.draft_id();
    REQUIRE_FALSE(id.empty());
    CHECK(f.form.submit(now) == InquiryForm::Submission::queued);
    CHECK(f.store.find(id)->state == DraftState::queued);
    CHECK(f.store.find(id)->fields.at("division") == "大臣官房会計課");
    CHECK(f.outbox.waiting() == 1);
    CHECK_FALSE(f.form.has_content());
    CHECK(f.form.draft_id().empty());
}

TEST_CASE("a saved draft opens again with its values, and discarding removes it", "[inquiry][drafts]") {
    Fixture f;
    const auto now = std::chrono::steady_clock::now();
    fill(f.form, now);
    const auto id = f.form.draft_id();
    f.form.discard();
    CHECK(f.store.find(id) == nullptr);

    fill(f.form, now);
    const auto kept = f.form.draft_id();
    InquiryForm other(f.store, f.outbox);  // e.g. after a reload
    other.open(kept);
    CHECK(other.values().requester_name == "佐藤 一郎");
    CHECK(other.category_index() == 0);
    CHECK(other.draft_id() == kept);
}
