// Knowledge articles over real HTTP and SQLite: Japanese search, who reads which article,
// versions under concurrent edits, diffs, restores, publishing and the audit trail.
#include <catch2/catch.hpp>

#include "inquiry_test_support.hpp"
#include "knowledge_test_support.hpp"

using namespace madoguchi::testing;
using nlohmann::json;

namespace {

const std::string paper_jam = "プリンターで紙詰まりが起きたら？";
const std::string password = "パスワードを忘れたときは？";
const std::string draft_question = "ＰＣが起動しないときは？";

struct Library {
    json paper;     // published, staff and chatbot
    json desk_only; // published, desk only
    json draft;     // a draft for staff
};

Library write_library(const RunningApp& server, SignedIn& desk) {
    Library library;
    library.paper = published_article(
        server, desk, article_body(paper_jam, "前面カバーを開けて、詰まった用紙を取り除いてください。", "プリンタ", {"staff", "chatbot"}));
    library.desk_only = published_article(
        server, desk, article_body(password, "本人確認のうえ、管理画面で仮パスワードを発行する。", "アカウント", {"desk"}));
    library.draft = write_article(server, desk, article_body(draft_question, "電源ボタンを10秒押してください。", "PC", {"staff"}));
    return library;
}

}  // namespace

TEST_CASE("search finds articles whether typed in hiragana, katakana, half-width kana, kanji or full-width", "[knowledge][api]") {
    RunningApp server;
    auto desk = signed_in_user(server, {"desk1", {Role::desk_operator}});
    write_library(server, desk);
    const std::vector<std::string> paper{paper_jam};
    CHECK(questions_listed(desk, query_of("q", "ぷりんたー")) == paper);
    CHECK(questions_listed(desk, query_of("q", "ﾌﾟﾘﾝﾀｰ")) == paper);
    CHECK(questions_listed(desk, query_of("q", "紙詰まり")) == paper);
    CHECK(questions_listed(desk, query_of("q", "プリンター　用紙")) == paper);  // words apart, the IME's space between
    CHECK(questions_listed(desk, query_of("q", "プリンター 鍵")).empty());       // every word must be found
    CHECK(questions_listed(desk, query_of("q", "pc")) == std::vector<std::string>{draft_question});
    CHECK(questions_listed(desk, query_of("q", "アカウント")) == std::vector<std::string>{password});
    CHECK(questions_listed(desk, "?audience=desk") == std::vector<std::string>{password});
    CHECK(questions_listed(desk, "?state=draft") == std::vector<std::string>{draft_question});
    CHECK(questions_listed(desk).size() == 3);
    check_invalid_parameter(desk.client->Get("/api/v1/knowledge/articles?audience=everyone"), {"audience"},
                            "field.unknown_audience_filter");
    check_invalid_parameter(desk.client->Get("/api/v1/knowledge/articles?state=gone"), {"state"},
                            "field.unknown_article_state");
}

TEST_CASE("staff and managers read only published staff articles: drafts and desk articles do not exist for them", "[knowledge][api]") {
    RunningApp server;
    auto desk = signed_in_user(server, {"desk1", {Role::desk_operator}});
    auto staff = signed_in_user(server, {"staff1", {Role::staff}});
    auto manager = signed_in_user(server, {"manager1", {Role::manager}});
    auto auditor = signed_in_user(server, {"auditor1", {Role::auditor}});
    const auto library = write_library(server, desk);
    for (auto* reader : {&staff, &manager}) {
        CHECK(questions_listed(*reader) == std::vector<std::string>{paper_jam});
        CHECK(questions_listed(*reader, "?audience=desk").empty());
        CHECK(questions_listed(*reader, "?state=draft").empty());
        CHECK(reader->client->Get(article_path(library.desk_only).c_str())->status == 404);
        CHECK(reader->client->Get(article_path(library.draft).c_str())->status == 404);
        const auto shown = read_article(*reader, library.paper);
        CHECK(shown["article"]["question"] == paper_jam);
        CHECK_FALSE(shown.contains("versions"));
    }
    CHECK(questions_listed(auditor).size() == 3);
    CHECK(read_article(auditor, library.draft).contains("versions"));
    // Unpublished, the staff article is gone for staff too.
    moved_article(server, desk, library.paper, "unpublished");
    CHECK(questions_listed(staff).empty());
    CHECK(staff.client->Get(article_path(library.paper).c_str())->status == 404);
    CHECK(post_json(staff, "/api/v1/knowledge/articles", article_body("q", "a", "c", {"staff"}))->status == 403);
}

TEST_CASE("an edit on a stale version gets 409 with the article as it is: every version keeps who, when and why", "[knowledge][api]") {
    RunningApp server;
    auto desk = signed_in_user(server, {"desk1", {Role::desk_operator}});
    auto office = signed_in_user(server, {"ito1", {Role::it_office}});
    const auto article = write_article(server, desk, article_body("トナーの交換方法は？", "1. 前面カバーを開ける\n2. トナーを引き出す", "プリンタ", {"staff"}));
    REQUIRE(article["version"] == 1);

    const auto first = audited(server, [&] {
        return patch_json(desk, article_path(article),
                          {{"answer", "1. 前面カバーを開ける\n2. 古いトナーを引き出す\n3. 新しいトナーを差し込む"},
                           {"reason", "手順を補足"},
                           {"version", 1}});
    });
    REQUIRE(first->status == 200);
    CHECK(json_of(first)["article"]["version"] == 2);
    const auto second = patch_json(office, article_path(article), {{"question", "トナーはどう替える？"}, {"version", 1}});
    REQUIRE(second->status == 409);
    const auto conflict = json_of(second);
    CHECK(conflict["error"]["code"] == "stale_version");
    CHECK(conflict["article"]["version"] == 2);
    CHECK(conflict["article"]["question"] == "トナーの交換方法は？");

    const auto nothing = patch_json(desk, article_path(article), {{"category", "プリンタ"}, {"version", 2}});
    CHECK(nothing->status == 422);
    const auto invalid = patch_json(desk, article_path(article), {{"question", ""}, {"audiences", json::array({"vendor"})}, {"version", 2}});
    CHECK(invalid->status == 422);
    CHECK(error_fields(invalid) == std::vector<std::string>{"audiences", "question"});

    const auto detail = read_article(desk, article);
    REQUIRE(detail["versions"].size() == 2);
    CHECK(detail["versions"][0]["version"] == 2);
    CHECK(detail["versions"][0]["changed_by"] == "desk1");
    CHECK(detail["versions"][0]["reason"] == "手順を補足");
    CHECK_FALSE(detail["versions"][0]["changed_at"].get<std::string>().empty());
    CHECK(detail["versions"][1]["answer"] == "1. 前面カバーを開ける\n2. トナーを引き出す");
    CHECK(count_rows(server.database_path(), "SELECT count(*) FROM audit_log WHERE object_type = 'knowledge_article' AND "
                                             "action = 'knowledge.updated'") == 1);
}

TEST_CASE("two versions are compared line by line, and an earlier one restored as a new version", "[knowledge][api]") {
    RunningApp server;
    auto desk = signed_in_user(server, {"desk1", {Role::desk_operator}});
    const auto article = write_article(server, desk, article_body("共有フォルダに入れない", "再起動する\nそれでもだめなら窓口へ", "ネットワーク", {"staff"}));
    audited(server, [&] {
        return patch_json(desk, article_path(article), {{"answer", "再起動する\nVPNを確認する\nそれでもだめなら窓口へ"}, {"version", 1}});
    });

    const auto diff = desk.client->Get((article_path(article, "/diff") + "?from=1&to=2").c_str());
    REQUIRE(diff->status == 200);
    const auto fields = json_of(diff)["diff"];
    REQUIRE(fields[1]["field"] == "answer");
    CHECK(fields[1]["changed"] == true);
    CHECK(fields[1]["lines"] == json::parse(R"([{"change":"same","text":"再起動する"},{"change":"added","text":"VPNを確認する"},
                                                {"change":"same","text":"それでもだめなら窓口へ"}])"));
    CHECK(fields[0]["changed"] == false);
    check_invalid_parameter(desk.client->Get((article_path(article, "/diff") + "?from=1&to=9").c_str()), {"to"},
                            "field.unknown_article_version");
    check_invalid_parameter(desk.client->Get(article_path(article, "/diff").c_str()), {"from", "to"}, "field.required");

    const auto restored = audited(server, [&] {
        return post_json(desk, article_path(article, "/restore"), {{"version_number", 1}, {"reason", "元に戻す"}, {"version", 2}});
    });
    REQUIRE(restored->status == 201);
    const auto back = json_of(restored)["article"];
    CHECK(back["version"] == 3);
    CHECK(back["answer"] == "再起動する\nそれでもだめなら窓口へ");
    CHECK(back["reason"] == "元に戻す");
    CHECK(post_json(desk, article_path(article, "/restore"), {{"version_number", 1}, {"version", 3}})->status == 422);
    CHECK(post_json(desk, article_path(article, "/restore"), {{"version_number", 7}, {"version", 3}})->status == 422);
    CHECK(post_json(desk, article_path(article, "/restore"), {{"version_number", 2}, {"version", 2}})->status == 409);
}

TEST_CASE("publishing and unpublishing move the state as the rules allow, each an audited version", "[knowledge][api]") {
    RunningApp server;
    auto desk = signed_in_user(server, {"desk1", {Role::desk_operator}});
    const auto article = write_article(server, desk, article_body("質問", "回答", "その他", {"staff"}));
    const auto refused = post_json(desk, article_path(article, "/transitions"), {{"to", "unpublished"}, {"version", 1}});
    REQUIRE(refused->status == 409);
    CHECK(json_of(refused)["error"]["code"] == "transition_refused");
    CHECK(json_of(refused)["allowed"] == json::array({"published"}));
    CHECK(post_json(desk, article_path(article, "/transitions"), {{"to", "deleted"}, {"version", 1}})->status == 422);
    CHECK(moved_article(server, desk, article, "published")["state"] == "published");
    CHECK(moved_article(server, desk, article, "unpublished")["state"] == "unpublished");
    CHECK(moved_article(server, desk, article, "published")["version"] == 4);
    CHECK(count_rows(server.database_path(), "SELECT count(*) FROM audit_log WHERE action = 'knowledge.published'") == 2);
    CHECK(count_rows(server.database_path(), "SELECT count(*) FROM audit_log WHERE action = 'knowledge.unpublished'") == 1);
    CHECK(count_rows(server.database_path(), "SELECT count(*) FROM knowledge_article_versions") == 4);
}

TEST_CASE("a new article is checked field by field in both languages", "[knowledge][api]") {
    RunningApp server;
    auto desk = signed_in_user(server, {"desk1", {Role::desk_operator}});
    const auto response = post_json(desk, "/api/v1/knowledge/articles",
                                    article_body(std::string(201, 'q'), "", "カテゴリ", {"staff", "staff"}));
    REQUIRE(response->status == 422);
    const auto error = json_of(response)["error"];
    CHECK(error["code"] == "validation_failed");
    CHECK(error["fields"]["question"] == "must be at most 200 characters");
    CHECK(error["fields"].contains("answer"));
    CHECK(error["fields"]["audiences"] == "names an audience twice");
    CHECK_FALSE(error["message_ja"].get<std::string>().empty());
    CHECK(post_json(desk, "/api/v1/knowledge/articles", {{"question", "q"}})->status == 400);
    CHECK(count_rows(server.database_path(), "SELECT count(*) FROM knowledge_articles") == 0);
}
