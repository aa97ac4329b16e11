// 貸出 drawn headless inside the whole app, the server played by fixtures: staff see the
// request form with the classes' limits and approvers and the terms to accept, and their own
// loans with the devices; staff have no queue; the desk's queue opens a request with approve
// and reject; the calendar marks a day with nothing free.
#include <catch2/catch.hpp>

#include "app_screen.hpp"
#include "lending_fixtures.hpp"

using namespace madoguchi;
using nlohmann::json;

namespace {

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
        if (path == "/api/v1/lending/rules") return {200, testing::lending_rules_body()};
        if (path == "/api/v1/lending/terms/loan_request") return {200, json{{"terms", testing::lending_terms_json(3)}}.dump()};
        if (path == "/api/v1/locations") return {200, testing::lending_locations_body()};
        if (path.starts_with("/api/v1/lending/requests") && request.method == "GET") {
            const json devices = json::array({{{"id", 31}, {"asset_tag", "PRN-0031"}}});
            return {200, json{{"requests", {testing::loan_request_json(2, "staff", "approved", devices),
                                            testing::loan_request_json(1, "staff", "submitted")}}}
                             .dump()};
        }
        if (path.starts_with("/api/v1/lending/availability?")) {
            json days = json::array();
            const auto today = calendar::to_tokyo(calendar::now()).date;
            for (int offset = -45; offset <= 45; ++offset) {
                const auto date = calendar::add_days(today, offset);
                days.push_back({{"date", calendar::format_date(date)}, {"available", offset == 0 ? 0 : 2}, {"held", 0}, {"returning", 0}});
            }
            return {200, json{{"days", days}}.dump()};
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

TEST_CASE("staff see the request form with limits, approvers and the terms, and no queue", "[lending][view]") {
    Screen screen("staff", {"staff"});
    CHECK(screen.find("貸出申請", "tab"));
    CHECK_FALSE(screen.find("貸出申請一覧", "tab"));
    screen.click("機器の種類", "combo");
    CHECK(screen.find("モバイルプリンタ（最長14日・承認: 運用窓口）", "option"));
    CHECK(screen.find("業務用端末（最長30日・承認: 課室等管理者）", "option"));
    screen.click("モバイルプリンタ（最長14日・承認: 運用窓口）", "option");
    CHECK(screen.app.lending_page().form.values().class_code == "mobile_printer");
    CHECK(screen.find("第3版: 機器は大切に扱ってください。", "document"));
    const auto* accept = screen.find("利用規約（第3版）に同意します", "checkbox");
    REQUIRE(accept);
    CHECK(accept->value == "false");
    screen.click("利用規約（第3版）に同意します", "checkbox");
    CHECK(screen.app.lending_page().form.terms_accepted());
    screen.click("申請する");
    // Nothing typed as the purpose, no dates, no delivery: each named beside its field.
    int required = 0;
    for (const auto& item : client::item_records()) required += item.role == "alert" && item.label == "必須です。" ? 1 : 0;
    CHECK(required >= 4);
    CHECK(screen.server.posted.empty());
}

TEST_CASE("my loans show the state, both calendars and the devices, and cancel asks first", "[lending][view]") {
    Screen screen("staff", {"staff"});
    screen.click("自分の貸出", "tab");
    screen.draw(3);
    CHECK(screen.find("LND-2026-00002 モバイルプリンタ ×1（承認済）", "listitem"));
    CHECK(screen.find("貸出機器: PRN-0031", "status"));
    CHECK(screen.find("期間: 2026-12-08（火） 令和8年12月8日（火） 〜 2026-12-10（木） 令和8年12月10日（木）", "status"));
    screen.click("申請を取り消す");
    CHECK(screen.app.lending_page().confirm.is_open());
    CHECK(screen.server.posted.empty());
}

TEST_CASE("the desk's queue opens a request with approve and reject, and the calendar marks a short day", "[lending][view]") {
    Screen screen("desk", {"staff", "operator"});
    screen.click("貸出申請一覧", "tab");
    screen.draw(3);
    screen.click("LND-2026-00001", "table-row");
    CHECK(screen.find("承認する"));
    CHECK(screen.find("却下する"));
    screen.click("在庫カレンダー", "tab");
    screen.draw(3);
    const auto today = calendar::format_date(calendar::to_tokyo(calendar::now()).date);
    const auto* day = screen.find(today, "day");
    REQUIRE(day);
    CHECK(day->value.starts_with("0 short"));
}
