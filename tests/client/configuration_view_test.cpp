// 構成管理 drawn headless inside the whole app, the server played by fixtures: Slack's seat
// usage bar, the chatbot's settings diff and a restore through the reason dialog; a reader
// who gets neither the form nor the restore button.
#include <catch2/catch.hpp>

#include <imgui.h>

#include <functional>

#include "app/app.hpp"
#include "configuration_fixtures.hpp"
#include "app_screen.hpp"
#include "ui/item_registry.hpp"

using namespace madoguchi;
using nlohmann::json;

namespace {

// The configuration API for the chatbot (two settings versions) and Slack Business+ over
// its seats, remembering the restores asked for.
struct FakeConfiguration {
    std::vector<std::string> roles;
    std::vector<json> restores;

    json versions() const {
        auto list = json::array();
        if (!restores.empty()) {
            list.push_back(testing::settings_version_json(3, restores.back()["reason"].get<std::string>(), {{"timeout", "30"}, {"escalation", "desk"}}));
        }
        list.push_back(testing::settings_version_json(2, "タイムアウト延長", {{"timeout", "60"}, {"escalation", "desk"}}));
        list.push_back(testing::settings_version_json(1, "初期設定", {{"timeout", "30"}, {"escalation", "desk"}}));
        return list;
    }

    std::pair<int, std::string> respond(const client::HttpRequest& request) {
        const auto& path = request.path;
        if (path == "/api/v1/me") {
            return {200, json{{"user", {{"id", 1}, {"login", "desk"}, {"name", "窓口 太郎"}, {"roles", roles}}}, {"csrf_token", "t"}}.dump()};
        }
        if (path == "/api/v1/configuration-items") {
            return {200, json{{"items",
                               {testing::item_json(1, "service", "チャットボット", 1, nullptr, 2 + static_cast<int>(restores.size())),
                                testing::item_json(2, "software", "Slack Business+", 1, testing::usage_json(500, 501))}},
                              {"total", 2}}
                             .dump()};
        }
        if (path.ends_with("/licence")) {
            return {200, json{{"licence", {{"seats", 500}, {"term_start", nullptr}, {"term_end", nullptr}, {"notes", ""}}},
                              {"usage", testing::usage_json(500, 501)},
                              {"assignments", json::array()}}
                             .dump()};
        }
        if (path == "/api/v1/configuration-items/1/settings") return {200, json{{"versions", versions()}}.dump()};
        if (path.ends_with("/documents")) return {200, R"({"documents":[]})"};
        if (request.method == "POST" && path == "/api/v1/configuration-items/1/settings/restore") {
            restores.push_back(json::parse(request.body));
            return {201, json{{"version", versions().front()}}.dump()};
        }
        return {404, testing::error_body("not_found", "見つかりません。")};
    }
};

struct ConfigurationScreen : testing::AppScreen {
    explicit ConfigurationScreen(std::vector<std::string> roles)
        : AppScreen([this](const client::HttpRequest& request) { return server.respond(request); }) {
        server.roles = std::move(roles);
        open(client::Area::configuration);
        draw_until([&] { return app.configuration_page().list.state() == client::ItemList::State::loaded; });
        draw(3);
    }

    FakeConfiguration server;
};

}  // namespace

TEST_CASE("an operator sees a licence over its seats, a settings diff, and restores a version with a reason",
          "[configuration][headless]") {
    ConfigurationScreen screen({"operator"});
    CHECK(screen.find("構成管理", "tab") != nullptr);  // in the navigation
    screen.click("Slack Business+", "table-row");
    screen.click("ライセンス", "button");
    const auto* bar = screen.find("ライセンスの利用状況", "progressbar");
    REQUIRE(bar);
    CHECK(bar->value == "501 / 500");
    CHECK(screen.find("利用 501 / 500 席（100%）：契約数を 1 席超過しています", "alert"));

    screen.click("チャットボット", "table-row");
    screen.click("設定", "button");
    REQUIRE(screen.find("変更 timeout：30 → 60", "text"));
    screen.click("第1版：初期設定", "table-row");
    screen.click("第1版に戻す", "button");
    REQUIRE(screen.find("第1版の設定を新しい版として保存し直します。理由を入力してください。", "text"));
    screen.click("戻す", "button");
    CHECK(screen.find("変更の理由を入力してください。", "alert"));  // nothing sent without a reason
    CHECK(screen.server.restores.empty());
    screen.app.configuration_page().pane.settings.restore_reason = "苦情のため元に戻す";
    screen.click("戻す", "button");
    REQUIRE(screen.server.restores.size() == 1);
    CHECK(screen.server.restores[0] == json{{"version_number", 1}, {"reason", "苦情のため元に戻す"}});
    screen.draw(5);
    CHECK(screen.find("変更 timeout：60 → 30", "text"));
    CHECK(screen.find("第3版：苦情のため元に戻す", "table-row"));
}

TEST_CASE("an auditor reads configuration items without forms or restore", "[configuration][headless]") {
    ConfigurationScreen screen({"auditor"});
    CHECK(screen.find("閲覧のみです（構成管理の変更は運用窓口・情報システム室・システム管理者が行います）。", "status"));
    screen.click("チャットボット", "table-row");
    CHECK(screen.find("名称：チャットボット", "text"));
    CHECK_FALSE(screen.find("保存する", "button"));
    screen.click("設定", "button");
    screen.click("第1版：初期設定", "table-row");
    CHECK_FALSE(screen.find("第1版に戻す", "button"));
    CHECK_FALSE(screen.find("変更を保存", "button"));
}

TEST_CASE("the 構成管理 tab is offered to the desk, the IT office, auditors and admins", "[configuration]") {
    using identity::Role;
    for (const auto role : {Role::desk_operator, Role::it_office, Role::auditor, Role::admin}) {
        const std::vector<Role> roles{role};
        CHECK(client::area_allowed(client::Area::configuration, roles));
    }
    for (const auto role : {Role::vendor, Role::staff, Role::manager}) {
        const std::vector<Role> roles{role};
        CHECK_FALSE(client::area_allowed(client::Area::configuration, roles));
    }
}
