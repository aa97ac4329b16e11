// The staff side of inquiries, against canned answers: FAQ suggestions while the 件名 is
// typed (deflection) and 自分の問い合わせ with its answers, badge and reply.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "configuration_fixtures.hpp"
#include "scripted_transport.hpp"
#include "tickets/faq_suggestions.hpp"
#include "tickets/my_tickets.hpp"

using namespace madoguchi;
using client::FaqSuggestions;
using client::MyTickets;
using nlohmann::json;
using namespace std::chrono_literals;

namespace {

const std::string printer_faq = json{{"items",
                                      {{{"id", 12},
                                        {"question", "複合機で印刷できない"},
                                        {"answer", "電源を入れ直してください。"},
                                        {"category", "device"}},
                                       {{"id", 15},
                                        {"question", "トナーの交換方法"},
                                        {"answer", "前面カバーを開けます。"},
                                        {"category", "device"}}}}}
                                    .dump();

const std::string not_found = testing::error_body("not_found", "見つかりません。");

// Types `title` and lets the pause pass, so its search goes out.
void search_for(FaqSuggestions& faq, const std::string& title) {
    const auto start = FaqSuggestions::Clock::now();
    faq.typed(title, start);
    faq.typed(title, start + 1s);
}

json inquiry(int id, const std::string& subject, const std::string& status, const std::string& updated,
             const json& answered) {
    return {{"id", id},
            {"number", "INQ-2026-00000" + std::to_string(id)},
            {"ticket_id", id},
            {"ticket_number", "INQ-2026-00000" + std::to_string(id)},
            {"subject", subject},
            {"body", "本文"},
            {"status", status},
            {"received_at", "2026-11-25T01:00:00Z"},
            {"requester_login", "sato"},
            {"updated_at", updated},
            {"answered_at", answered}};
}

std::string two_inquiries(const json& second_answered) {
    return json{{"inquiries",
                 {inquiry(2, "プリンタが動かない", "in_progress", "2026-11-25T03:00:00Z", second_answered),
                  inquiry(1, "パスワードを忘れた", "received", "2026-11-25T01:00:00Z", nullptr)}},
                {"total", 2}}
        .dump();
}

std::string ticket_detail() {
    return json{{"ticket",
                 {{"id", 2}, {"number", "INQ-2026-000002"}, {"title", "プリンタが動かない"}, {"body", "紙詰まり表示"},
                  {"state", "in_progress"}, {"requester_login", "sato"}, {"updated_at", "2026-11-25T03:00:00Z"}}},
                {"timeline",
                 {{{"occurred_at", "2026-11-25T01:00:00Z"}, {"actor", "sato"}, {"type", "created"},
                   {"to_state", "received"}, {"comment", ""}, {"visibility", "public"}},
                  {{"occurred_at", "2026-11-25T02:00:00Z"}, {"actor", "desk1"}, {"type", "note"},
                   {"to_state", nullptr}, {"comment", "ベンダーに確認します"}, {"visibility", "internal"}},
                  {{"occurred_at", "2026-11-25T03:00:00Z"}, {"actor", "desk1"}, {"type", "note"},
                   {"to_state", nullptr}, {"comment", "電源を入れ直してください"}, {"visibility", "public"}}}}}
        .dump();
}

}  // namespace

TEST_CASE("FAQ suggestions search once typing pauses, for the latest title only", "[inquiries][faq][client]") {
    client::ApiClient api;
    testing::ScriptedTransport transport(api);
    FaqSuggestions faq(api);
    const auto start = FaqSuggestions::Clock::now();

    faq.typed("複", start);
    faq.typed("複合機", start + 100ms);
    faq.typed("複合機", start + 300ms);
    CHECK(transport.waiting() == 0);  // still typing
    faq.typed("複合機", start + 500ms);
    REQUIRE(transport.waiting() == 1);
    CHECK(transport.next().method == "GET");
    CHECK(transport.next().path == "/api/v1/knowledge/suggest?q=%E8%A4%87%E5%90%88%E6%A9%9F");
    faq.typed("複合機", start + 2s);
    CHECK(transport.waiting() == 1);  // the same title is not asked twice

    transport.answer(200, printer_faq);
    REQUIRE(faq.items().size() == 2);
    CHECK(faq.items()[0].id == 12);
    CHECK(faq.items()[0].question == "複合機で印刷できない");
    CHECK(faq.items()[0].answer == "電源を入れ直してください。");
    CHECK(faq.items()[1].category == "device");

    // An answer to an older title does not replace what the newer one will show.
    faq.typed("複合機 トナー", start + 3s);
    faq.typed("複合機 トナー", start + 4s);
    faq.typed("パスワード", start + 5s);
    faq.typed("パスワード", start + 6s);
    REQUIRE(transport.waiting() == 2);
    transport.answer(200, printer_faq);
    CHECK(faq.shown_query() == "複合機");
    transport.answer(200, R"({"items":[]})");
    CHECK(faq.items().empty());
    CHECK(faq.shown_query() == "パスワード");

    // A title too short to search clears the suggestions without asking.
    faq.typed("　a ", start + 7s);
    faq.typed("　a ", start + 8s);
    CHECK(transport.waiting() == 0);
    CHECK(faq.items().empty());
}

TEST_CASE("without the knowledge base (404) or when it fails there are simply no suggestions", "[inquiries][faq][client]") {
    client::ApiClient api(client::RetryPolicy{1, 1ms, 1ms});
    testing::ScriptedTransport transport(api);
    FaqSuggestions faq(api);
    search_for(faq, "複合機");
    transport.answer(404, not_found);
    CHECK(faq.items().empty());
    CHECK(faq.shown_query() == "複合機");

    search_for(faq, "トナー");
    transport.answer(500, "not json");
    CHECK(faq.items().empty());

    CHECK(client::faq_suggestions_from_json(R"({"items":[{"question":"no id"},7,{"id":3,"question":"ok"}]})").size() == 1);
    CHECK(client::faq_suggestions_from_json("[]").empty());
}

TEST_CASE("これで解決しました posts the feedback once and keeps nothing else from the form", "[inquiries][faq][client]") {
    client::ApiClient api(client::RetryPolicy{1, 1ms, 1ms});
    testing::ScriptedTransport transport(api);
    FaqSuggestions faq(api);
    search_for(faq, "複合機");
    transport.answer(200, printer_faq);

    faq.mark_solved(12);
    CHECK(faq.feedback(12) == FaqSuggestions::Feedback::sending);
    faq.mark_solved(12);
    REQUIRE(transport.waiting() == 1);
    CHECK(transport.next().method == "POST");
    CHECK(transport.next().path == "/api/v1/knowledge/articles/12/feedback");
    CHECK(json::parse(transport.next().body) == json{{"solved", true}});
    transport.answer(201, R"({"solved":1})");
    CHECK(faq.feedback(12) == FaqSuggestions::Feedback::sent);
    CHECK(faq.feedback(15) == FaqSuggestions::Feedback::none);
    CHECK(faq.items().size() == 2);  // the suggestions stay; the draft is the form's, untouched here

    // A failed feedback may be tried again.
    faq.mark_solved(15);
    transport.answer(404, not_found);
    CHECK(faq.feedback(15) == FaqSuggestions::Feedback::failed);
    faq.mark_solved(15);
    CHECK(transport.waiting() == 1);
}

TEST_CASE("my inquiries list state and last update, and mark an answer until the inquiry is opened",
          "[inquiries][mine][client]") {
    client::ApiClient api;
    testing::ScriptedTransport transport(api);
    MyTickets mine(api);
    const auto start = MyTickets::Clock::now();
    mine.update(start);
    REQUIRE(transport.waiting() == 1);
    CHECK(transport.next().path == "/api/v1/inquiries?mine=true&limit=200");
    mine.update(start + 1s);
    CHECK(transport.waiting() == 1);
    transport.answer(200, two_inquiries("2026-11-25T03:00:00Z"));
    REQUIRE(mine.rows().size() == 2);
    CHECK(mine.rows()[0].number == "INQ-2026-000002");
    CHECK(mine.rows()[0].subject == "プリンタが動かない");
    CHECK(mine.rows()[0].status == "in_progress");
    CHECK(mine.rows()[0].updated_at == "2026-11-25T03:00:00Z");
    CHECK(mine.has_new_answer(mine.rows()[0]));
    CHECK_FALSE(mine.has_new_answer(mine.rows()[1]));
    CHECK(mine.new_answers() == 1);

    mine.update(start + 30s);
    CHECK(transport.waiting() == 0);  // not yet due
    mine.open(2);
    CHECK(mine.new_answers() == 0);
    REQUIRE(transport.waiting() == 1);
    CHECK(transport.next().path == "/api/v1/tickets/2");
    transport.answer(200, ticket_detail());
    REQUIRE(mine.detail());
    const auto& detail = *mine.detail();
    CHECK(detail.row.subject == "プリンタが動かない");
    CHECK(detail.body == "紙詰まり表示");
    // The internal note is not the requester's to read, even if a reader were sent one.
    REQUIRE(detail.timeline.size() == 2);
    CHECK(detail.timeline[0].type == "created");
    CHECK(detail.from_requester(detail.timeline[0]));
    CHECK(detail.timeline[1].comment == "電源を入れ直してください");
    CHECK_FALSE(detail.from_requester(detail.timeline[1]));

    // A later answer is new again; seen answers survive a restore (another page, another start).
    mine.update(start + 61s);
    transport.answer(200, two_inquiries("2026-11-25T05:00:00Z"));
    CHECK(mine.new_answers() == 0);  // the inquiry is open: the answer shows as it arrives
    mine.close();
    CHECK(client::seen_answers_text(mine.seen()) == R"({"2":"2026-11-25T05:00:00Z"})");
    CHECK(client::seen_answers_from_text(R"({"2":"2026-11-25T03:00:00Z","x":"1","3":4})") ==
          std::map<std::int64_t, std::string>{{2, "2026-11-25T03:00:00Z"}});
    CHECK(client::seen_answers_from_text("").empty());
    MyTickets again(api);
    again.restore_seen(client::seen_answers_from_text(R"({"2":"2026-11-25T03:00:00Z"})"));
    again.refresh();
    transport.answer(200, two_inquiries("2026-11-25T05:00:00Z"));
    CHECK(again.new_answers() == 1);
}

TEST_CASE("a reply is checked, sent as a public note and the inquiry read again", "[inquiries][mine][client]") {
    client::ApiClient api(client::RetryPolicy{1, 1ms, 1ms});
    testing::ScriptedTransport transport(api);
    MyTickets mine(api);
    mine.refresh();
    transport.answer(200, two_inquiries(nullptr));
    mine.open(2);
    transport.answer(200, ticket_detail());

    mine.reply() = "　";
    CHECK_FALSE(mine.send_reply());
    CHECK(mine.reply_errors().field("text", i18n::Language::ja) == i18n::text("field.required", i18n::Language::ja));
    CHECK(transport.waiting() == 0);

    mine.reply() = "再起動しても直りません";
    CHECK(mine.send_reply());
    CHECK(mine.sending_reply());
    REQUIRE(transport.waiting() == 1);
    CHECK(transport.next().method == "POST");
    CHECK(transport.next().path == "/api/v1/tickets/2/notes");
    CHECK(json::parse(transport.next().body) == json{{"text", "再起動しても直りません"}});
    transport.answer(201, ticket_detail());
    CHECK(mine.reply().empty());
    CHECK_FALSE(mine.sending_reply());
    REQUIRE(transport.waiting() == 2);  // the detail and the list read again
    CHECK(transport.next().path == "/api/v1/tickets/2");

    // What the server refuses stays in the box with its reason.
    transport.answer(200, ticket_detail());
    transport.answer(200, two_inquiries(nullptr));
    mine.reply() = "もう一度";
    mine.send_reply();
    transport.answer(422, testing::error_body("validation_failed", "入力内容を確認してください", {{"text", "Too long"}}));
    CHECK(mine.reply() == "もう一度");
    CHECK(mine.reply_errors().field("text", i18n::Language::en) == "Too long");
}
