// The staff's and approvers' lending screens drawn headless inside the whole app, the server
// played by fixtures: an overdue loan carries its badge and opens to its extension waiting and
// the reminders sent; the loss report offers one's devices on loan and lists the reports with
// their security incident and the GSS remote wipe note; the desk's queue shows a loan's
// waiting extension with approve and reject.
#include <catch2/catch.hpp>

#include "app_screen.hpp"
#include "lending_fixtures.hpp"

using namespace madoguchi;
using nlohmann::json;

namespace {

json overdue_loan() {
    auto loan = testing::loan_request_json(4, "staff", "on_loan", json::array({{{"id", 31}, {"asset_tag", "GSS-000042"}}}));
    loan["class"] = "gss_terminal";
    loan["start_date"] = "2020-01-06";
    loan["due_date"] = "2020-01-08";
    return loan;
}

struct FakeServer {
    std::string login;
    std::vector<std::string> roles;
    std::vector<std::string> posted;

    std::pair<int, std::string> respond(const client::HttpRequest& request) {
        const auto& path = request.path;
        if (path == "/api/v1/me") {
            return {200, json{{"user", {{"id", 1}, {"login", login}, {"name", "職員 花子"}, {"division_code", "D-DESK"}, {"roles", roles}}},
                              {"csrf_token", "t"}}
                             .dump()};
        }
        if (path.starts_with("/api/v1/me/notifications?")) {
            const json entry{{"id", 11},
                             {"event", "lending.reminder_overdue"},
                             {"ticket_id", nullptr},
                             {"ticket_number", ""},
                             {"loan_request_id", 4},
                             {"loan_request_number", "LND-2026-00004"},
                             {"title_ja", "【窓口】返却期限を過ぎています LND-2026-00004"},
                             {"body_ja", "職員 花子 様\n返却をお願いします。"},
                             {"title_en", ""},
                             {"body_en", ""},
                             {"created_at", calendar::format_iso8601_utc(calendar::now())},
                             {"read_at", nullptr}};
            return {200, json{{"notifications", {entry}}, {"unread", 1}, {"next_cursor", nullptr}}.dump()};
        }
        if (request.method == "POST" && path.starts_with("/api/v1/me/notifications/")) return {204, ""};
        if (path == "/api/v1/lending/rules") {
            auto rules = json::parse(testing::lending_rules_body());
            rules["rules"].push_back({{"class", "gss_terminal"}, {"max_days", 30}, {"approver", "operator"}, {"holding_limit", 1},
                                      {"overdue_blocks", true}, {"closed_day_due_allowed", false}, {"version", 1}});
            return {200, rules.dump()};
        }
        if (path == "/api/v1/lending/terms/loan_request") return {200, json{{"terms", testing::lending_terms_json(3)}}.dump()};
        if (path == "/api/v1/locations") return {200, testing::lending_locations_body()};
        if (path == "/api/v1/lending/requests/4/extensions") {
            return {200, json{{"extensions",
                               {{{"id", 2}, {"request_id", 4}, {"requested_by", "staff"}, {"current_due", "2020-01-08"},
                                 {"due_date", "2020-01-10"}, {"reason", "出張が延長"}, {"state", "requested"},
                                 {"decided_by", ""}, {"decided_at", ""}, {"decision_reason", ""},
                                 {"created_at", "2020-01-07T00:00:00Z"}}}}}
                             .dump()};
        }
        if (path == "/api/v1/lending/requests/4/reminders") {
            return {200, json{{"reminders", {{{"id", 1}, {"kind", "overdue"}, {"state", "sent"}, {"overdue_number", 1},
                                              {"recorded_at", "2020-01-09T00:00:00Z"}, {"sent_by", "system"}}}},
                              {"escalated", false}}
                             .dump()};
        }
        if (path.starts_with("/api/v1/lending/requests") && request.method == "GET") {
            return {200, json{{"requests", {overdue_loan()}}}.dump()};
        }
        if (path == "/api/v1/lending/loss-reports" && request.method == "GET") {
            return {200, json{{"loss_reports",
                               {{{"id", 3}, {"asset_tag", "GSS-000007"}, {"class", "gss_terminal"}, {"kind", "lost"},
                                 {"remote_wipe_requested", true}, {"ticket", {{"id", 9}, {"number", "SEC-2026-00009"}}},
                                 {"replacement", nullptr}}}}}
                             .dump()};
        }
        if (request.method == "POST") posted.push_back(path);
        return {404, testing::error_body("not_found", "見つかりません。")};
    }
};

struct Screen : testing::AppScreen {
    Screen(std::string login, std::vector<std::string> roles)
        : AppScreen([this](const client::HttpRequest& request) { return server.respond(request); }) {
        server.login = std::move(login);
        server.roles = std::move(roles);
        open(client::Area::lending);
        draw(5);
    }
    FakeServer server;
};

}  // namespace

TEST_CASE("an overdue loan has its badge and opens to its waiting extension and reminders", "[lending][staff][view]") {
    Screen screen("staff", {"staff"});
    screen.click("自分の貸出", "tab");
    screen.draw(3);
    CHECK(screen.find("LND-2026-00004 GSS端末 ×1（貸出中）", "listitem"));
    CHECK(screen.find("【延滞】", "badge"));
    screen.click("延長・返却予約・督促履歴");
    screen.draw(3);
    CHECK(screen.find("返却期限 2020-01-10（金） 令和2年1月10日（金） への延長: 判断待ち", "status"));
    CHECK(screen.find("2020-01-09（木） 9:00 返却督促（第1回）", "status"));
    // One extension waits: no second ask.
    CHECK_FALSE(screen.find("延長を申請する"));
    CHECK(screen.server.posted.empty());
}

TEST_CASE("the loss report offers one's devices on loan and lists the incident and the remote wipe note", "[lending][staff][view]") {
    Screen screen("staff", {"staff"});
    screen.click("紛失・盗難の届出", "tab");
    screen.draw(3);
    screen.click("紛失・盗難した機器", "combo");
    CHECK(screen.find("GSS-000042（LND-2026-00004 GSS端末）", "option"));
    screen.click("GSS-000042（LND-2026-00004 GSS端末）", "option");
    CHECK(screen.app.lending_page().loss.values().tag == "GSS-000042");
    CHECK(screen.find("GSS-000007（紛失） セキュリティインシデント: SEC-2026-00009", "listitem"));
    CHECK(screen.find("リモートワイプ依頼: GSS端末のため、省を通じてGSS側へリモートワイプを依頼してください。", "alert"));
    screen.click("届け出る");
    CHECK(screen.server.posted.empty());
}

TEST_CASE("the desk's queue shows a loan's waiting extension with approve and reject", "[lending][staff][view]") {
    Screen screen("desk", {"staff", "operator"});
    screen.click("貸出申請一覧", "tab");
    screen.draw(3);
    screen.click("LND-2026-00004", "table-row");
    screen.draw(3);
    CHECK(screen.find("返却期限 2020-01-10（金） 令和2年1月10日（金） への延長: 判断待ち（理由: 出張が延長）", "status"));
    CHECK(screen.find("延長を承認する"));
    CHECK(screen.find("延長を却下する"));
    screen.click("延長を却下する");
    CHECK(screen.find("却下するには理由を入力してください。", "alert"));
    CHECK(screen.server.posted.empty());
}

TEST_CASE("a lending notification opens its loan in my loans", "[lending][staff][view][notifications]") {
    Screen screen("staff", {"staff"});
    REQUIRE(screen.draw_until([&] { return screen.find("通知（1件）", "button") != nullptr; }));
    screen.click("通知（1件）", "button");
    screen.click("【窓口】返却期限を過ぎています LND-2026-00004", "listitem");
    REQUIRE(screen.draw_until([&] { return screen.find("延長申請", "heading") != nullptr; }));
    const auto* mine = screen.find("自分の貸出", "tab");
    REQUIRE(mine);
    CHECK(mine->value == "selected");
    // The loan's extensions arrive after its heading.
    CHECK(screen.draw_until(
        [&] { return screen.find("返却期限 2020-01-10（金） 令和2年1月10日（金） への延長: 判断待ち", "status") != nullptr; }));
}
