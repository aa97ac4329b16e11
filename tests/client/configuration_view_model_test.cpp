// 構成管理's view-models against JSON fixtures: the list with its over-allocation mark, the
// 概要 form's inline validation and its 409, seat assignments up to and beyond the seats,
// settings versions with their diff, a change and a restore, and document versions.
#include <catch2/catch.hpp>

#include "configuration/document_list.hpp"
#include "configuration/item_list.hpp"
#include "configuration/item_pane.hpp"
#include "configuration/settings_view.hpp"
#include "configuration_fixtures.hpp"
#include "scripted_transport.hpp"

using namespace madoguchi;
using client::ItemList;
using i18n::Language;
using testing::item_json;
using testing::usage_json;
using nlohmann::json;

namespace {

std::string items_page(const json& items) { return json{{"items", items}, {"total", items.size()}}.dump(); }

// The list loaded with a service and two software items, one over its seats.
struct LoadedList {
    LoadedList() : transport(api), list(Language::ja), pane(Language::ja) {
        list.load(api);
        REQUIRE(transport.next().path == "/api/v1/configuration-items");
        transport.answer(200, items_page({item_json(1, "service", "チャットボット", 1, nullptr, 3),
                                          item_json(2, "software", "Slack Business+", 1, usage_json(500, 480)),
                                          item_json(3, "software", "PC-Talker Neo Plus", 2, usage_json(15, 16))}));
    }
    // Opens the item on `row` and answers its three tabs' loads.
    void open(std::size_t row, const std::string& licence, const std::string& settings, const std::string& documents) {
        list.table().click(row, {});
        pane.follow(api, list.current());
        REQUIRE(transport.waiting() == 3);
        transport.answer(200, licence);
        transport.answer(200, settings);
        transport.answer(200, documents);
    }
    client::ApiClient api;
    testing::ScriptedTransport transport;
    ItemList list;
    client::ItemPane pane;
};

const std::string no_licence = R"({"licence":null,"usage":null,"assignments":[]})";
const std::string no_documents = R"({"documents":[]})";

std::string chatbot_settings() {
    return json{{"versions",
                 {testing::settings_version_json(2, "タイムアウト延長", {{"timeout", "60"}, {"greeting", "hi"}}),
                  testing::settings_version_json(1, "初期設定", {{"timeout", "30"}, {"escalation", "desk"}})}}}
        .dump();
}

}  // namespace

TEST_CASE("the list shows seats in use and marks an item over its seats", "[configuration][client]") {
    LoadedList screen;
    auto& table = screen.list.table();
    REQUIRE(table.total_rows() == 3);
    CHECK(table.cell_text(0, 0) == "チャットボット");
    CHECK(table.cell_text(0, 1) == "サービス");
    CHECK(table.cell_text(0, 3).empty());
    CHECK(table.cell_text(0, 4) == "3");
    CHECK(table.cell_text(1, 3) == "480 / 500");
    CHECK(table.cell_text(2, 3) == "※超過 16 / 15");
    table.set_filter(3, "超過");
    CHECK(table.match_count() == 1);
    CHECK(client::usage_text({500, 480}, Language::ja) == "利用 480 / 500 席（96%）");
    CHECK(client::usage_text({15, 16}, Language::en) == "16 of 15 seats in use (106%): 1 over the seats");
}

TEST_CASE("the overview form checks with the shared rules and saves with the version it read", "[configuration][client]") {
    LoadedList screen;
    screen.open(0, no_licence, R"({"versions":[]})", no_documents);
    auto& editor = screen.pane.editor;
    editor.values().name = " ";
    CHECK_FALSE(editor.save(screen.api));
    CHECK(editor.errors().field("name", Language::ja) == "必須です。");
    CHECK(screen.transport.waiting() == 0);

    editor.values().name = "チャットボット";
    editor.values().vendor = "株式会社サンプルAI";
    REQUIRE(editor.save(screen.api));
    CHECK(screen.transport.next().method == "PATCH");
    CHECK(json::parse(screen.transport.next().body) == json{{"vendor", "株式会社サンプルAI"}, {"version", 1}});
    auto saved = item_json(1, "service", "チャットボット", 2, nullptr, 3);
    saved["vendor"] = "株式会社サンプルAI";
    screen.transport.answer(200, json{{"item", saved}}.dump());
    screen.pane.settle(screen.list);
    CHECK(screen.list.table().cell_text(0, 2) == "株式会社サンプルAI");

    // Another desk saved first: the form shows their record and says so.
    editor.values().description = "上書き";
    REQUIRE(editor.save(screen.api));
    auto theirs = item_json(1, "service", "チャットボット", 3, nullptr, 3);
    theirs["description"] = "他の人の説明";
    auto conflict = json::parse(testing::error_body("stale_version", "他の担当者が先に更新しました。"));
    conflict["item"] = theirs;
    screen.transport.answer(409, conflict.dump());
    CHECK(editor.stale());
    CHECK(editor.values().description == "他の人の説明");
    CHECK(editor.entry()->item.version == 3);
}

TEST_CASE("a seat is refused when none is free, then assigned beyond the seats with a reason", "[configuration][client]") {
    LoadedList screen;
    const auto licence = json{{"licence", {{"seats", 15}, {"term_start", "2026-04-01"}, {"term_end", nullptr}, {"notes", ""}}},
                              {"usage", usage_json(15, 15)},
                              {"assignments", json::array()}};
    screen.open(2, licence.dump(), R"({"versions":[]})", no_documents);
    auto& panel = screen.pane.licence;
    CHECK(panel.usage()->seats == 15);
    CHECK_FALSE(panel.assign(screen.api, false));  // nobody named
    CHECK(panel.errors().field("user_login", Language::ja).size() > 0);

    panel.assignee = "tanaka";
    REQUIRE(panel.assign(screen.api, false));
    CHECK(json::parse(screen.transport.next().body) == json{{"user_login", "tanaka"}});
    auto refused = json::parse(testing::error_body("over_allocated", "空きがありません。", {{"allow_over", "has no free seat"}}));
    refused["usage"] = usage_json(15, 15);
    screen.transport.answer(409, refused.dump());
    CHECK(panel.needs_reason());

    CHECK_FALSE(panel.assign(screen.api, true));  // the reason is required
    CHECK(panel.errors().field("reason", Language::ja) == "変更の理由を入力してください。");
    panel.reason = "追加契約の手続中";
    REQUIRE(panel.assign(screen.api, true));
    CHECK(json::parse(screen.transport.next().body) ==
          json{{"user_login", "tanaka"}, {"allow_over", true}, {"reason", "追加契約の手続中"}});
    screen.transport.answer(201, json{{"assignment", {{"id", 9}, {"user_login", "tanaka"}}}, {"usage", usage_json(15, 16)}}.dump());
    CHECK_FALSE(panel.needs_reason());
    CHECK(panel.assignee.empty());
    screen.pane.settle(screen.list);
    CHECK(screen.list.table().cell_text(2, 3) == "※超過 16 / 15");
    CHECK(screen.transport.next().path == "/api/v1/configuration-items/3/licence");  // reloaded
    CHECK(client::assignee_body("1201") == json{{"device_id", 1201}});
}

TEST_CASE("settings versions, their diff, a change with a reason and a restore", "[configuration][client]") {
    LoadedList screen;
    screen.open(0, no_licence, chatbot_settings(), no_documents);
    auto& history = screen.pane.settings;
    REQUIRE(history.versions().size() == 2);
    CHECK(history.from == 1);
    CHECK(history.to == 2);
    const auto lines = history.diff();
    REQUIRE(lines.size() == 3);
    CHECK(client::diff_line_text(lines[0], Language::ja) == "削除 escalation：desk");
    CHECK(client::diff_line_text(lines[1], Language::ja) == "追加 greeting：hi");
    CHECK(client::diff_line_text(lines[2], Language::ja) == "変更 timeout：30 → 60");
    CHECK(history.table().row_label(0) == "第2版：タイムアウト延長");

    history.parameter = "timeout";
    history.value = "90";
    CHECK_FALSE(history.change(screen.api));
    CHECK(history.errors().field("reason", Language::ja) == "変更の理由を入力してください。");
    history.reason = "夜間の応答遅延";
    REQUIRE(history.change(screen.api));
    CHECK(json::parse(screen.transport.next().body) ==
          json{{"changes", {{"set", {{"timeout", "90"}}}}}, {"reason", "夜間の応答遅延"}, {"version", 2}});
    screen.transport.answer(201, json{{"version", testing::settings_version_json(3, "夜間の応答遅延", {{"timeout", "90"}, {"greeting", "hi"}})}}.dump());
    CHECK(history.from == 2);
    CHECK(history.to == 3);
    CHECK(screen.pane.settle(screen.list).settings_written);
    CHECK(screen.list.table().cell_text(0, 4) == "3");

    history.ask_restore(1);
    CHECK_FALSE(history.confirm_restore(screen.api));
    CHECK(history.errors().field("restore_reason", Language::ja) == "変更の理由を入力してください。");
    history.restore_reason = "苦情のため元に戻す";
    REQUIRE(history.confirm_restore(screen.api));
    screen.transport.answer(200, chatbot_settings());  // the reload after the change above
    CHECK(screen.transport.next().path == "/api/v1/configuration-items/1/settings/restore");
    CHECK(json::parse(screen.transport.next().body) == json{{"version_number", 1}, {"reason", "苦情のため元に戻す"}});
    screen.transport.answer(201, json{{"version", testing::settings_version_json(4, "苦情のため元に戻す", {{"timeout", "30"}, {"escalation", "desk"}})}}.dump());
    CHECK_FALSE(history.restoring());
}

TEST_CASE("a settings change on an old version is refused and the newest is loaded", "[configuration][client]") {
    LoadedList screen;
    screen.open(0, no_licence, chatbot_settings(), no_documents);
    auto& history = screen.pane.settings;
    history.parameter = "timeout";
    history.value = "45";
    history.reason = "調整";
    REQUIRE(history.change(screen.api));
    screen.transport.answer(409, testing::error_body("stale_version", "他の担当者が先に更新しました。"));
    CHECK(history.stale());
    CHECK(screen.transport.next().path == "/api/v1/configuration-items/1/settings");
}

TEST_CASE("documents list their versions with a download address each", "[configuration][client]") {
    client::ApiClient api;
    testing::ScriptedTransport transport(api);
    client::DocumentList documents(Language::ja);
    documents.load(api, 1);
    transport.answer(200, json{{"documents",
                                {{{"id", 4}, {"item_id", 1}, {"title", "運用マニュアル"}, {"kind", "operations_manual"},
                                  {"versions",
                                   {{{"number", 1}, {"file_name", "manual.txt"}, {"content_type", "text/plain"}, {"size", 2048},
                                     {"sha256", "ab"}, {"uploaded_by", "desk1"}, {"uploaded_at", "2026-11-20T01:00:00Z"}}}}}}}}
                              .dump());
    REQUIRE(documents.documents().size() == 1);
    const auto& document = documents.documents()[0];
    CHECK(client::document_version_path(document, 1) == "/api/v1/configuration-items/1/documents/4/versions/1/content");
    CHECK(client::document_version_text(document.versions[0], Language::ja) == "第1版 manual.txt（2.0 KB、2026-11-20 desk1）");
    CHECK(client::byte_size_text(980) == "980 B");
    CHECK(client::byte_size_text(3 * 1024 * 1024) == "3.0 MB");
}

TEST_CASE("an upload is checked before it goes and sent as the file's bytes with its type", "[configuration][client]") {
    client::ApiClient api;
    testing::ScriptedTransport transport(api);
    client::DocumentList documents(Language::ja);
    documents.load(api, 1);
    transport.answer(200, R"({"documents":[]})");

    const client::PickedFile manual{"運用マニュアル.txt", "", "1. 再起動の手順\n"};
    CHECK(client::upload_media_type(manual) == "text/plain");
    CHECK(client::upload_media_type({"a.PDF", "", ""}) == "application/pdf");
    CHECK(client::upload_media_type({"a.pdf", "Application/PDF", ""}) == "application/pdf");
    CHECK_FALSE(documents.upload(api, manual));  // no title yet
    CHECK(documents.errors().field("title", Language::ja) == "必須です。");
    documents.title = "運用マニュアル";
    CHECK_FALSE(documents.upload(api, {"scan.pdf", "application/pdf", "not a pdf"}));
    CHECK(documents.errors().field("file", Language::ja) == "ファイルの中身が指定の形式と一致しません");
    CHECK_FALSE(documents.upload(api, {"setup.exe", "", "MZ"}));
    CHECK(transport.waiting() == 0);

    documents.kind = configuration::DocumentKind::operations_manual;
    REQUIRE(documents.upload(api, manual));
    const auto& sent = transport.next();
    CHECK(sent.method == "POST");
    CHECK(sent.path == "/api/v1/configuration-items/1/documents?title=%E9%81%8B%E7%94%A8%E3%83%9E%E3%83%8B%E3%83%A5%E3%82%A2%E3%83%AB"
                       "&kind=operations_manual&file_name=%E9%81%8B%E7%94%A8%E3%83%9E%E3%83%8B%E3%83%A5%E3%82%A2%E3%83%AB.txt");
    CHECK(sent.body == manual.bytes);
    CHECK(sent.headers == std::vector<std::pair<std::string, std::string>>{{"Content-Type", "text/plain"}});
    transport.answer(201, R"({"document":{}})");
    CHECK(documents.take_uploaded());
    CHECK(transport.next().path == "/api/v1/configuration-items/1/documents");  // reloaded
}
