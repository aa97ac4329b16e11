// ナレッジ's view-models against fixtures: the list's search address and rows, the editor's
// inline checks, saves under the version read, a stale answer, the versions' diff and restore,
// and the FAQ export whose backup is downloaded, and a backup's restore.
#include <catch2/catch.hpp>

#include "knowledge/article_editor.hpp"
#include "knowledge/faq_backups.hpp"
#include "knowledge/knowledge_list.hpp"
#include "scripted_transport.hpp"

using namespace madoguchi;
using client::ApiResult;
using nlohmann::json;

namespace {

json article_json(int id, const std::string& question, int version, const std::string& state = "draft",
                  const std::string& answer = "回答です") {
    return {{"id", id},           {"question", question}, {"answer", answer},           {"category", "プリンタ"},
            {"audiences", {"staff", "chatbot"}}, {"state", state}, {"version", version}, {"created_at", "2026-11-25T01:00:00Z"},
            {"created_by", "desk1"}, {"updated_at", "2026-11-26T01:00:00Z"}, {"updated_by", "desk1"}, {"reason", ""},
            {"source_ticket_id", nullptr}, {"solved_count", 4}, {"unsolved_count", 1}};
}

json version_json(int number, const std::string& answer, const std::string& reason) {
    return {{"version", number}, {"question", "紙詰まりは？"}, {"answer", answer}, {"category", "プリンタ"},
            {"audiences", {"staff"}}, {"state", "draft"}, {"changed_at", "2026-11-26T01:00:00Z"}, {"changed_by", "desk1"},
            {"reason", reason}};
}

}  // namespace

TEST_CASE("the list asks for the words and filters typed and shows each article's state, audiences and counts", "[knowledge]") {
    client::ApiClient api;
    testing::ScriptedTransport transport(api);
    client::KnowledgeList list(i18n::Language::ja);
    list.search = "ﾌﾟﾘﾝﾀｰ 紙";
    list.audience = "chatbot";
    list.load(api);
    REQUIRE(transport.waiting() == 1);
    CHECK(transport.next().path ==
          "/api/v1/knowledge/articles?q=%EF%BE%8C%EF%BE%9F%EF%BE%98%EF%BE%9D%EF%BE%80%EF%BD%B0%20%E7%B4%99&audience=chatbot&limit=200");
    transport.answer(200, json{{"articles", {article_json(3, "紙詰まりは？", 2, "published")}}, {"total", 1}}.dump());
    REQUIRE(list.state() == client::KnowledgeList::State::loaded);
    auto& table = list.table();
    REQUIRE(table.total_rows() == 1);
    CHECK(table.cell_text(0, 0) == "紙詰まりは？");
    CHECK(table.cell_text(0, 2) == "職員・チャットボット");
    CHECK(table.cell_text(0, 3) == "公開中");
    CHECK(table.cell_text(0, 5) == "4 / 1");
}

TEST_CASE("the editor marks problems before sending and saves a change under the version it read", "[knowledge]") {
    client::ApiClient api;
    testing::ScriptedTransport transport(api);
    client::ArticleEditor editor;
    editor.start_new();
    editor.question = "";
    editor.answer = "答え";
    editor.category = "PC";
    editor.audiences = {false, false, false};
    CHECK_FALSE(editor.save(api));
    CHECK(transport.waiting() == 0);
    CHECK(editor.errors().field("question", i18n::Language::ja) == i18n::text("field.required", i18n::Language::ja));
    CHECK(editor.errors().field("audiences", i18n::Language::en) == "is required");

    editor.question = "紙詰まりは？";
    editor.audiences = {true, false, true};
    REQUIRE(editor.save(api));
    CHECK(transport.next().method == "POST");
    CHECK(json::parse(transport.next().body) ==
          json{{"question", "紙詰まりは？"}, {"answer", "答え"}, {"category", "PC"}, {"audiences", {"staff", "chatbot"}}});
    transport.answer(201, json{{"article", article_json(7, "紙詰まりは？", 1)}}.dump());
    CHECK(editor.take_saved());
    REQUIRE(editor.take_updated());
    REQUIRE(editor.mode() == client::ArticleEditor::Mode::editing);
    REQUIRE(transport.waiting() == 1);  // the versions are read
    CHECK(transport.next().path == "/api/v1/knowledge/articles/7");
    transport.answer(200, json{{"article", article_json(7, "紙詰まりは？", 1)}, {"versions", {version_json(1, "回答です", "")}}}.dump());

    CHECK_FALSE(editor.save(api));  // nothing changed
    editor.answer = "回答です\n前面を開けます";
    editor.reason = "手順を追加";
    REQUIRE(editor.save(api));
    CHECK(transport.next().method == "PATCH");
    const auto body = json::parse(transport.next().body);
    CHECK(body["version"] == 1);
    CHECK(body["reason"] == "手順を追加");

    // Someone saved first: the form shows their article and says so.
    transport.answer(409, json{{"error", {{"code", "stale_version"}, {"message", "stale"}, {"message_ja", "古い版です"}, {"fields", json::object()}}},
                               {"article", article_json(7, "紙詰まりのときは？", 2)}}
                              .dump());
    CHECK(editor.stale());
    CHECK(editor.question == "紙詰まりのときは？");
    CHECK(editor.entry()->current.version == 2);
}

TEST_CASE("two versions are compared and an earlier one restored under the version read", "[knowledge]") {
    client::ApiClient api;
    testing::ScriptedTransport transport(api);
    client::ArticleEditor editor;
    const auto entry = client::article_entry_from_json(article_json(7, "紙詰まりは？", 2));
    REQUIRE(entry);
    editor.open(api, *entry);
    transport.answer(200, json{{"versions", {version_json(2, "電源を切る\n前面を開ける", "手順を追加"), version_json(1, "電源を切る", "")}}}.dump());
    REQUIRE(editor.versions().size() == 2);
    CHECK(editor.from == 1);
    CHECK(editor.to == 2);
    const auto diff = editor.diff();
    REQUIRE(diff.size() == 5);
    CHECK(diff[1].changed);
    CHECK(diff[1].lines.back() == knowledge::DiffLine{knowledge::LineChange::added, "前面を開ける"});

    editor.ask_restore(1);
    REQUIRE(editor.confirm_restore(api));
    CHECK(transport.next().path == "/api/v1/knowledge/articles/7/restore");
    CHECK(json::parse(transport.next().body) == json{{"version_number", 1}, {"version", 2}});
    CHECK_FALSE(editor.restoring());
}

TEST_CASE("an FAQ export downloads the backup it made: a restore needs a reason and reloads", "[knowledge]") {
    client::ApiClient api;
    testing::ScriptedTransport transport(api);
    client::FaqBackups backups;
    const auto language = i18n::Language::ja;
    REQUIRE(backups.export_now(api, language));
    CHECK(transport.next().path == "/api/v1/knowledge/faq.csv");
    transport.answer(200, "\xEF\xBB\xBF番号,質問,回答,カテゴリ,更新日\r\n");
    CHECK(transport.next().path == "/api/v1/knowledge/faq-exports");
    const json list{{"exports",
                     {{{"id", 9}, {"created_at", "2026-11-26T01:00:00Z"}, {"created_by", "desk1"}, {"article_count", 12}, {"bytes", 900}},
                      {{"id", 8}, {"created_at", "2026-11-20T01:00:00Z"}, {"created_by", "ito1"}, {"article_count", 11}, {"bytes", 800}}}}};
    transport.answer(200, list.dump());
    CHECK(backups.take_download() == std::optional<std::string>("/api/v1/knowledge/faq-exports/9/faq.csv"));
    CHECK_FALSE(backups.take_download());
    REQUIRE(backups.backups().size() == 2);

    backups.ask_restore(8);
    CHECK_FALSE(backups.confirm_restore(api, language));
    CHECK_FALSE(backups.errors().field("reason", language).empty());
    CHECK(transport.waiting() == 0);
    backups.restore_reason = "誤った公開を戻す";
    REQUIRE(backups.confirm_restore(api, language));
    CHECK(transport.next().path == "/api/v1/knowledge/faq-exports/8/restore");
    CHECK(json::parse(transport.next().body) == json{{"reason", "誤った公開を戻す"}});
    transport.answer(201, R"({"export_id":8,"restored":11,"created":0,"unpublished":1,"reason":"誤った公開を戻す"})");
    CHECK(backups.take_restored());
    CHECK_FALSE(backups.restoring());
    CHECK(transport.next().path == "/api/v1/knowledge/faq-exports");
}
