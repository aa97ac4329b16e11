// The staff inquiry page drawn headless inside the whole app, the server played by fixtures:
// FAQ suggestions above the form with これで解決しました, and 自分の問い合わせ with its badge,
// the desk's answer and a reply.
#include <catch2/catch.hpp>

#include <chrono>
#include <thread>

#include "app_screen.hpp"
#include "configuration_fixtures.hpp"

using namespace madoguchi;
using nlohmann::json;

namespace {

struct FakeServer {
    std::vector<client::HttpRequest> posts;
    bool answered = true;

    json inquiry() const {
        return {{"id", 2}, {"number", "INQ-2026-000002"}, {"subject", "プリンタが動かない"}, {"status", "in_progress"},
                {"updated_at", "2026-11-25T03:00:00Z"},
                {"answered_at", answered ? json("2026-11-25T03:00:00Z") : json(nullptr)}};
    }

    std::pair<int, std::string> respond(const client::HttpRequest& request) {
        const auto& path = request.path;
        if (path == "/api/v1/me") {
            return {200, json{{"user", {{"id", 7}, {"login", "sato"}, {"name", "佐藤 花子"}, {"roles", {"staff"}}}},
                              {"csrf_token", "t"}}
                             .dump()};
        }
        if (request.method == "POST") {
            posts.push_back(request);
            if (path.ends_with("/feedback")) return {201, R"({"solved":1})"};
            if (path.ends_with("/notes")) return {201, ticket()};
        }
        if (path.starts_with("/api/v1/knowledge/suggest?q=")) {
            return {200, json{{"items", {{{"id", 12}, {"question", "複合機で印刷できない"},
                                          {"answer", "電源を入れ直してください。"}, {"category", "device"}}}}}
                             .dump()};
        }
        if (path == "/api/v1/inquiries?mine=true&limit=200") return {200, json{{"inquiries", {inquiry()}}, {"total", 1}}.dump()};
        if (path == "/api/v1/tickets/2") return {200, ticket()};
        return {404, testing::error_body("not_found", "見つかりません。")};
    }

    std::string ticket() const {
        return json{{"ticket", {{"id", 2}, {"number", "INQ-2026-000002"}, {"title", "プリンタが動かない"}, {"body", "紙詰まり表示"},
                                {"state", "in_progress"}, {"requester_login", "sato"}, {"updated_at", "2026-11-25T03:00:00Z"}}},
                    {"timeline", {{{"occurred_at", "2026-11-25T01:00:00Z"}, {"actor", "sato"}, {"type", "created"},
                                   {"to_state", "received"}, {"comment", ""}, {"visibility", "public"}},
                                  {{"occurred_at", "2026-11-25T03:00:00Z"}, {"actor", "desk1"}, {"type", "note"},
                                   {"to_state", nullptr}, {"comment", "電源を入れ直してください"}, {"visibility", "public"}}}}}
            .dump();
    }
};

struct InquiryScreen : testing::AppScreen {
    InquiryScreen() : AppScreen([this](const client::HttpRequest& request) { return server.respond(request); }) {
        open(client::Area::tickets);
        draw(3);
    }
    FakeServer server;
};

}  // namespace

TEST_CASE("FAQ suggestions show above the form as the 件名 is typed; これで解決しました keeps the draft",
          "[inquiries][faq][headless]") {
    InquiryScreen screen;
    screen.app.inquiry_form().values().subject = "複合機 印刷";
    screen.app.inquiry_form().edited(std::chrono::steady_clock::now());
    screen.draw(1);
    CHECK_FALSE(screen.find("よくある質問に答えがあるかもしれません（1件）"));  // still typing
    std::this_thread::sleep_for(client::FaqSuggestions::search_pause + std::chrono::milliseconds(50));
    REQUIRE(screen.draw_until([&] { return screen.find("よくある質問に答えがあるかもしれません（1件）") != nullptr; }));
    const auto* question = screen.find("複合機で印刷できない");
    const auto* subject = screen.find("件名", "textbox");
    REQUIRE(question);
    REQUIRE(subject);
    CHECK(question->y < subject->y);  // above the form's fields

    screen.click("複合機で印刷できない");
    CHECK(screen.find("電源を入れ直してください。"));
    screen.click("これで解決しました", "button");
    REQUIRE(screen.server.posts.size() == 1);
    CHECK(screen.server.posts[0].path == "/api/v1/knowledge/articles/12/feedback");
    CHECK(json::parse(screen.server.posts[0].body) == json{{"solved", true}});
    CHECK(screen.find("ありがとうございました。不要になった下書きは破棄できます。"));
    CHECK_FALSE(screen.find("これで解決しました", "button"));
    CHECK(screen.app.inquiry_form().values().subject == "複合機 印刷");
}

TEST_CASE("自分の問い合わせ marks a new answer until it is opened, shows it and sends a reply", "[inquiries][mine][headless]") {
    InquiryScreen screen;
    REQUIRE(screen.draw_until([&] { return screen.find("自分の問い合わせ（新しい回答 1件）", "tab") != nullptr; }));
    screen.click("自分の問い合わせ（新しい回答 1件）", "tab");
    const auto* badge = screen.find("新しい回答", "status");
    REQUIRE(badge);
    CHECK(badge->value == "INQ-2026-000002");
    const auto* row = screen.find("INQ-2026-000002　プリンタが動かない", "status");
    REQUIRE(row);
    CHECK(row->value == "対応中");

    screen.click("INQ-2026-000002　プリンタが動かない");
    REQUIRE(screen.draw_until([&] { return screen.find("電源を入れ直してください", "answer") != nullptr; }));
    CHECK(screen.find("問い合わせを受け付けました。"));
    CHECK_FALSE(screen.find("新しい回答", "status"));
    CHECK(screen.find("自分の問い合わせ", "tab"));

    screen.app.inquiry_page().mine.reply() = "再起動しても直りません";
    screen.click("返信を送る", "button");
    REQUIRE(screen.server.posts.size() == 1);
    CHECK(screen.server.posts[0].path == "/api/v1/tickets/2/notes");
    CHECK(json::parse(screen.server.posts[0].body) == json{{"text", "再起動しても直りません"}});
    CHECK(screen.app.inquiry_page().mine.reply().empty());
}
