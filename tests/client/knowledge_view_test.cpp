// ナレッジ drawn headless inside the whole app, the server played by fixtures: an article
// picked in the list opens in the editor with its versions and diff, an earlier version is
// restored after the confirm, and an FAQ backup is restored after the confirm with a reason.
#include <catch2/catch.hpp>

#include <imgui.h>

#include "app/app.hpp"
#include "app_screen.hpp"
#include "configuration_fixtures.hpp"
#include "ui/item_registry.hpp"

using namespace madoguchi;
using nlohmann::json;

namespace {

json version_json(int number, const std::string& answer, const std::string& reason) {
    return {{"version", number}, {"question", "紙詰まりは？"}, {"answer", answer}, {"category", "プリンタ"},
            {"audiences", {"staff", "chatbot"}}, {"state", "published"}, {"changed_at", "2026-11-2" + std::to_string(number) + "T01:00:00Z"},
            {"changed_by", "desk1"}, {"reason", reason}};
}

struct FakeKnowledge {
    std::vector<std::string> roles;
    std::vector<json> restores;      // article restores asked for
    std::vector<json> faq_restores;  // FAQ backup restores asked for

    json article() const {
        const int version = 2 + static_cast<int>(restores.size());
        return {{"id", 1}, {"question", "紙詰まりは？"}, {"answer", restores.empty() ? "電源を切る\n前面を開ける" : "電源を切る"},
                {"category", "プリンタ"}, {"audiences", {"staff", "chatbot"}}, {"state", "published"}, {"version", version},
                {"created_at", "2026-11-21T01:00:00Z"}, {"created_by", "desk1"}, {"updated_at", "2026-11-22T01:00:00Z"},
                {"updated_by", "desk1"}, {"reason", ""}, {"source_ticket_id", nullptr}, {"solved_count", 3}, {"unsolved_count", 1}};
    }

    json versions() const {
        auto list = json::array();
        if (!restores.empty()) list.push_back(version_json(3, "電源を切る", "元に戻す"));
        list.push_back(version_json(2, "電源を切る\n前面を開ける", "手順を追加"));
        list.push_back(version_json(1, "電源を切る", "初版"));
        return list;
    }

    std::pair<int, std::string> respond(const client::HttpRequest& request) {
        const auto& path = request.path;
        if (path == "/api/v1/me") {
            return {200, json{{"user", {{"id", 1}, {"login", "desk"}, {"name", "窓口 太郎"}, {"roles", roles}}}, {"csrf_token", "t"}}.dump()};
        }
        if (path.starts_with("/api/v1/knowledge/articles?")) return {200, json{{"articles", {article()}}, {"total", 1}}.dump()};
        if (path == "/api/v1/knowledge/articles/1") return {200, json{{"article", article()}, {"versions", versions()}}.dump()};
        if (request.method == "POST" && path == "/api/v1/knowledge/articles/1/restore") {
            restores.push_back(json::parse(request.body));
            return {201, json{{"article", article()}}.dump()};
        }
        if (path == "/api/v1/knowledge/faq-exports") {
            return {200, json{{"exports", {{{"id", 4}, {"created_at", "2026-11-20T01:00:00Z"}, {"created_by", "ito1"},
                                            {"article_count", 12}, {"bytes", 900}}}}}.dump()};
        }
        if (request.method == "POST" && path == "/api/v1/knowledge/faq-exports/4/restore") {
            faq_restores.push_back(json::parse(request.body));
            return {201, R"({"export_id":4,"restored":12,"created":0,"unpublished":1,"reason":"x"})"};
        }
        return {404, testing::error_body("not_found", "見つかりません。")};
    }
};

struct KnowledgeScreen : testing::AppScreen {
    explicit KnowledgeScreen(std::vector<std::string> roles)
        : AppScreen([this](const client::HttpRequest& request) { return server.respond(request); }) {
        server.roles = std::move(roles);
        open(client::Area::knowledge);
        draw_until([&] { return app.knowledge_page().list.state() == client::KnowledgeList::State::loaded; });
        draw(3);
    }

    FakeKnowledge server;
};

}  // namespace

TEST_CASE("the desk opens an article, reads the diff of its versions and restores the first after the confirm", "[knowledge][headless]") {
    KnowledgeScreen screen({"operator"});
    CHECK(screen.find("ナレッジ", "tab") != nullptr);  // in the navigation
    screen.click("紙詰まりは？", "table-row");
    REQUIRE(screen.find("記事 1（第2版・公開中）", "heading"));
    CHECK(screen.find("解決した / しなかった: 3 / 1", "status"));
    screen.click("版の履歴", "button");
    CHECK(screen.find("+ 前面を開ける", "text"));  // version 1 → 2, as the editor compares them
    screen.click("第1版に戻す", "button");
    REQUIRE(screen.find("第1版の内容を新しい版として戻します。公開の状態は変わりません。", "text"));
    CHECK(screen.server.restores.empty());  // nothing before the confirm
    screen.click("戻す", "button");
    REQUIRE(screen.server.restores.size() == 1);
    CHECK(screen.server.restores[0] == json{{"version_number", 1}, {"version", 2}});
    screen.draw(5);
    CHECK(screen.find("記事 1（第3版・公開中）", "heading"));
}

TEST_CASE("an FAQ backup is restored only with a reason and after the confirm", "[knowledge][headless]") {
    KnowledgeScreen screen({"it_office"});
    screen.click("チャットボットFAQ", "button");
    screen.draw_until([&] { return screen.find("No.4 2026-11-20T01:00:00Z ito1（12件）", "text") != nullptr; });
    screen.click("復旧", "button");
    screen.click("復旧する", "button");
    CHECK(screen.server.faq_restores.empty());
    CHECK(screen.find(i18n::text("field.required", i18n::Language::ja), "alert"));
    screen.app.knowledge_page().backups.restore_reason = "誤った公開を戻す";
    screen.click("復旧", "button");
    screen.click("復旧する", "button");
    REQUIRE(screen.server.faq_restores.size() == 1);
    CHECK(screen.server.faq_restores[0] == json{{"reason", "誤った公開を戻す"}});
}

TEST_CASE("the ナレッジ area is offered to the desk and the IT office", "[knowledge]") {
    using identity::Role;
    for (const auto role : {Role::desk_operator, Role::it_office}) {
        const std::vector<Role> roles{role};
        CHECK(client::area_allowed(client::Area::knowledge, roles));
    }
    for (const auto role : {Role::staff, Role::manager, Role::vendor, Role::auditor}) {
        const std::vector<Role> roles{role};
        CHECK_FALSE(client::area_allowed(client::Area::knowledge, roles));
    }
}
