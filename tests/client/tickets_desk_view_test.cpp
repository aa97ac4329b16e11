// チケット管理 drawn headless inside the whole app, the server played by fixtures: an operator
// picks a ticket, starts it and resolves it with the comment the move asks for; an auditor
// reads the same ticket without a button to change it.
#include <catch2/catch.hpp>

#include "app_screen.hpp"
#include "configuration_fixtures.hpp"
#include "tickets_fixtures.hpp"

using namespace madoguchi;
using nlohmann::json;

namespace {

struct FakeTickets {
    std::vector<std::string> roles;
    json ticket = testing::with_sla_breach(testing::ticket_json(5, "inquiry", "received", "プリンタが印刷しない"));
    std::vector<json> transitions;

    json next() const {
        if (ticket["state"] == "received") return json::array({testing::move_json("in_progress", "start", false)});
        if (ticket["state"] == "in_progress") return json::array({testing::move_json("resolved", "resolve", true)});
        return json::array();
    }

    std::pair<int, std::string> respond(const client::HttpRequest& request) {
        const auto& path = request.path;
        if (path == "/api/v1/me") {
            return {200, json{{"user", {{"id", 1}, {"login", "desk"}, {"name", "窓口 太郎"}, {"roles", roles}}}, {"csrf_token", "t"}}.dump()};
        }
        if (path.starts_with("/api/v1/tickets?")) return {200, testing::page_json(json::array({ticket}), 1).dump()};
        if (path == "/api/v1/tickets/5" && request.method == "GET") return {200, testing::detail_json(ticket, next()).dump()};
        if (path == "/api/v1/tickets/5/transitions" && request.method == "POST") {
            const auto body = json::parse(request.body);
            transitions.push_back(body);
            ticket["state"] = body["to"];
            ticket["version"] = ticket["version"].get<int>() + 1;
            return {200, testing::detail_json(ticket, next()).dump()};
        }
        return {404, testing::error_body("not_found", "見つかりません。")};
    }
};

struct DeskScreen : testing::AppScreen {
    explicit DeskScreen(std::vector<std::string> roles)
        : AppScreen([this](const client::HttpRequest& request) { return server.respond(request); }) {
        server.roles = std::move(roles);
        open(client::Area::ticket_desk);
        draw_until([&] { return app.ticket_desk_page().list.state() == client::TicketList::State::loaded; });
        draw(3);
    }

    FakeTickets server;
};

}  // namespace

TEST_CASE("an operator opens a ticket from the list, starts it and resolves it with a comment", "[tickets][headless]") {
    DeskScreen screen({"operator"});
    CHECK(screen.find("チケット管理", "tab") != nullptr);
    screen.click("INQ-2026-000005 プリンタが印刷しない", "table-row");
    screen.draw(3);
    const auto* pane_badge = screen.find("期限超過（11/26 17:00）", "status");
    REQUIRE(pane_badge);
    CHECK(pane_badge->value == "breached");
    screen.click("対応開始", "button");
    REQUIRE(screen.server.transitions.size() == 1);
    CHECK(screen.server.transitions[0] == json{{"to", "in_progress"}, {"version", 1}});
    screen.draw(3);
    CHECK(screen.find("状態：対応中", "text"));
    screen.click("解決", "button");
    CHECK(screen.server.transitions.size() == 1);  // the comment is asked for first
    screen.click("実行する", "button");
    CHECK(screen.find("コメントを入力してください。", "alert"));
    screen.app.ticket_desk_page().detail.move_comment = "ドライバを入れ直しました";
    screen.click("実行する", "button");
    REQUIRE(screen.server.transitions.size() == 2);
    CHECK(screen.server.transitions[1] == json{{"to", "resolved"}, {"version", 2}, {"comment", "ドライバを入れ直しました"}});
    screen.draw(3);
    CHECK(screen.find("状態：解決済", "text"));
}

TEST_CASE("an auditor reads tickets without moves, notes or edits", "[tickets][headless]") {
    DeskScreen screen({"auditor"});
    CHECK(screen.find("閲覧のみです（チケットの対応は運用窓口・情報システム室・ベンダーが行います）。", "status"));
    CHECK_FALSE(screen.find("新規チケット", "tab"));
    screen.click("INQ-2026-000005 プリンタが印刷しない", "table-row");
    screen.draw(3);
    CHECK(screen.find("状態：受付", "text"));
    CHECK_FALSE(screen.find("対応開始", "button"));
    CHECK_FALSE(screen.find("メモを追加", "button"));
    CHECK_FALSE(screen.find("変更を保存", "button"));
}

TEST_CASE("チケット管理 is offered to the desk, the IT office, vendors, auditors and admins", "[tickets]") {
    using identity::Role;
    for (const auto role : {Role::desk_operator, Role::it_office, Role::vendor, Role::auditor, Role::admin}) {
        const std::vector<Role> roles{role};
        CHECK(client::area_allowed(client::Area::ticket_desk, roles));
    }
    for (const auto role : {Role::staff, Role::manager}) {
        const std::vector<Role> roles{role};
        CHECK_FALSE(client::area_allowed(client::Area::ticket_desk, roles));
    }
}
