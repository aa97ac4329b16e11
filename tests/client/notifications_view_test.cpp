// 通知 drawn headless inside the whole app, the server played by fixtures: the header's bell
// counts the unread notification, its panel lists it, and a click opens the ticket in
// チケット管理; the admin's 通知先の設定 marks an unsaved edit (a recipient removed, a channel
// unticked) and 元に戻す takes it back; the
// desk's new-ticket form shows the priority its impact and urgency give.
#include <catch2/catch.hpp>

#include "app_screen.hpp"
#include "configuration_fixtures.hpp"
#include "tickets_fixtures.hpp"

using namespace madoguchi;
using nlohmann::json;

namespace {

struct FakeServer {
    std::vector<std::string> roles;
    bool read = false;
    bool empty = false;
    std::vector<std::string> posted;

    std::pair<int, std::string> respond(const client::HttpRequest& request) {
        const auto& path = request.path;
        if (path == "/api/v1/me") {
            return {200, json{{"user", {{"id", 1}, {"login", "desk"}, {"name", "窓口 太郎"}, {"roles", roles}}}, {"csrf_token", "t"}}.dump()};
        }
        if (path.starts_with("/api/v1/me/notifications?")) {
            const json entry{{"id", 11},          {"event", "ticket.status_changed"},
                             {"ticket_id", 5},    {"ticket_number", "INQ-2026-000005"},
                             {"title_ja", "【窓口】状況が変わりました INQ-2026-000005"},
                             {"body_ja", "本文"}, {"title_en", ""},
                             {"body_en", ""},     {"created_at", calendar::format_iso8601_utc(calendar::now())},
                             {"read_at", read ? json("2026-11-26T00:00:00Z") : json(nullptr)}};
            const auto entries = empty ? json::array() : json::array({entry});
            return {200, json{{"notifications", entries}, {"unread", read ? 0 : 1}, {"next_cursor", nullptr}}.dump()};
        }
        if (request.method == "POST" && path.starts_with("/api/v1/me/notifications/")) {
            posted.push_back(path);
            read = true;
            return {204, ""};
        }
        const auto ticket = testing::ticket_json(5, "inquiry", "received", "プリンタが印刷しない");
        if (path.starts_with("/api/v1/tickets?")) return {200, testing::page_json(json::array({ticket}), 1).dump()};
        if (path == "/api/v1/tickets/5") return {200, testing::detail_json(ticket, json::array()).dump()};
        if (path == "/api/v1/notifications/routing") {
            return {200, json{{"routes", {{{"event", "ticket.status_changed"}, {"recipients", {"requester"}}}}}}.dump()};
        }
        return {404, testing::error_body("not_found", "見つかりません。")};
    }
};

struct Screen : testing::AppScreen {
    Screen(std::vector<std::string> roles, client::Area area)
        : AppScreen([this](const client::HttpRequest& request) { return server.respond(request); }) {
        server.roles = std::move(roles);
        open(area);
        draw(5);
    }

    FakeServer server;
};

}  // namespace

TEST_CASE("the bell counts the unread notification and its entry opens the ticket", "[notifications][headless]") {
    Screen screen({"operator"}, client::Area::dashboard);
    REQUIRE(screen.draw_until([&] { return screen.find("通知（1件）", "button") != nullptr; }));
    CHECK(screen.find("通知（1件）", "button")->value == "1");
    screen.click("通知（1件）", "button");
    const auto* entry = screen.find("【窓口】状況が変わりました INQ-2026-000005", "listitem");
    REQUIRE(entry);
    CHECK(entry->value == "unread");
    CHECK(screen.find("たった今", "text") == nullptr);  // shown with the ticket number
    CHECK(screen.find("INQ-2026-000005  たった今", "text") != nullptr);
    screen.click("【窓口】状況が変わりました INQ-2026-000005", "listitem");
    CHECK(screen.server.posted == std::vector<std::string>{"/api/v1/me/notifications/11/read"});
    CHECK(screen.app.area() == client::Area::ticket_desk);
    CHECK(screen.app.ticket_desk_page().detail.id() == 5);
    screen.draw(3);
    CHECK(screen.find("通知", "button") != nullptr);
    CHECK(screen.find("通知（1件）", "button") == nullptr);
}

TEST_CASE("an empty inbox says so", "[notifications][headless]") {
    Screen screen({"operator"}, client::Area::dashboard);
    screen.server.read = true;
    screen.server.empty = true;
    screen.app.inbox().refresh();
    screen.draw(3);
    screen.click("通知", "button");
    CHECK(screen.find("通知はありません。") != nullptr);
    CHECK(screen.find("【窓口】状況が変わりました INQ-2026-000005", "listitem") == nullptr);
}

TEST_CASE("通知先の設定 marks an unsaved edit and 元に戻す takes it back", "[notifications][headless]") {
    Screen screen({"admin"}, client::Area::admin);
    REQUIRE(screen.draw_until([&] { return screen.find("依頼者", "listitem") != nullptr; }));
    CHECK(screen.find("状況の変更", "heading") != nullptr);
    CHECK(screen.find("未保存の変更があります", "status") == nullptr);
    // The requester is told both ways; unticking メール is an edit like any other.
    REQUIRE(screen.find("メール", "checkbox") != nullptr);
    CHECK(screen.find("メール", "checkbox")->value == "true");
    CHECK(screen.find("アプリ内通知", "checkbox")->value == "true");
    screen.click("メール", "checkbox");
    CHECK(screen.find("メール", "checkbox")->value == "false");
    CHECK(screen.find("未保存の変更があります", "status") != nullptr);
    screen.click("元に戻す", "button");
    CHECK(screen.find("メール", "checkbox")->value == "true");
    screen.click("削除", "button");
    CHECK(screen.find("依頼者", "listitem") == nullptr);
    CHECK(screen.find("通知しない", "text") != nullptr);
    CHECK(screen.find("未保存の変更があります", "status") != nullptr);
    screen.click("元に戻す", "button");
    CHECK(screen.find("依頼者", "listitem") != nullptr);
    CHECK(screen.find("未保存の変更があります", "status") == nullptr);
}

TEST_CASE("the desk's new-ticket form shows the priority of the impact and urgency chosen", "[tickets][headless]") {
    Screen screen({"operator"}, client::Area::ticket_desk);
    screen.click("新規チケット", "tab");
    CHECK(screen.find("優先度（影響度と緊急度から）：P4 低", "status") != nullptr);
    screen.app.ticket_desk_page().form.impact = tickets::Impact::widespread;
    screen.app.ticket_desk_page().form.urgency = tickets::Urgency::high;
    screen.draw(2);
    CHECK(screen.find("優先度（影響度と緊急度から）：P1 緊急", "status") != nullptr);
}
