// The chatbot FAQ export and its backups, articles from resolved tickets, and the staff
// form's suggestions with "this solved it" feedback, over real HTTP and SQLite.
#include <catch2/catch.hpp>

#include "inquiry_test_support.hpp"
#include "knowledge/faq_csv.hpp"
#include "knowledge_test_support.hpp"

using namespace madoguchi::testing;
using nlohmann::json;
namespace domain = madoguchi::knowledge;

namespace {

httplib::Result export_faq(const RunningApp& server, SignedIn& desk) {
    return audited(server, [&] { return desk.client->Get("/api/v1/knowledge/faq.csv"); });
}

// The FAQ as the chatbot would import it: question, answer and category by 番号.
std::vector<std::vector<std::string>> faq_content(const std::string& file) {
    const auto rows = domain::read_faq_csv(file);
    REQUIRE(rows);
    std::vector<std::vector<std::string>> content;
    for (const auto& row : *rows) content.push_back({std::to_string(row.number), row.question, row.answer, row.category});
    return content;
}

json ticket_of(SignedIn& desk, const std::string& title) {
    const auto response = post_json(desk, "/api/v1/tickets",
                                    {{"kind", "incident"}, {"title", title}, {"body", "3階の複合機で紙詰まり表示が消えません。"}, {"category", "device"}});
    REQUIRE(response->status == 201);
    return json_of(response)["ticket"];
}

void move_ticket(SignedIn& desk, const json& ticket, const std::string& to, const std::string& comment = "") {
    const auto path = "/api/v1/tickets/" + std::to_string(ticket["id"].get<std::int64_t>());
    const auto current = json_of(desk.client->Get(path.c_str()))["ticket"];
    json body{{"to", to}, {"version", current["version"]}};
    if (!comment.empty()) body["comment"] = comment;
    const auto response = post_json(desk, path + "/transitions", body);
    INFO(response->body);
    REQUIRE(response->status == 200);
}

}  // namespace

TEST_CASE("an FAQ export is kept: after changes, restoring it brings the chatbot's articles back as exported", "[knowledge][faq]") {
    RunningApp server;
    auto desk = signed_in_user(server, {"desk1", {Role::desk_operator}});
    auto office = signed_in_user(server, {"ito1", {Role::it_office}});
    auto staff = signed_in_user(server, {"staff1", {Role::staff}});
    const auto toner = published_article(server, desk, article_body("トナーの注文は？", "=窓口へ連絡\n在庫があれば翌日届きます", "プリンタ", {"chatbot", "staff"}));
    const auto vpn = published_article(server, desk, article_body("VPNにつながらない", "再起動してください", "ネットワーク", {"chatbot"}));
    write_article(server, desk, article_body("下書きの質問", "下書き", "その他", {"chatbot"}));
    published_article(server, desk, article_body("窓口だけの手順", "手順", "その他", {"desk"}));

    const auto first = export_faq(server, desk);
    REQUIRE(first->status == 200);
    CHECK(first->get_header_value("Content-Type") == "text/csv; charset=utf-8");
    CHECK(first->get_header_value("Content-Disposition").find("attachment") == 0);
    REQUIRE(first->body.starts_with("\xEF\xBB\xBF番号,質問,回答,カテゴリ,更新日\r\n"));
    CHECK(first->body.find(",\"'=窓口へ連絡\n") != std::string::npos);  // Excel does not run it as a formula
    const auto exported = faq_content(first->body);
    REQUIRE(exported == std::vector<std::vector<std::string>>{
                            {std::to_string(toner["id"].get<int>()), "トナーの注文は？", "=窓口へ連絡\n在庫があれば翌日届きます", "プリンタ"},
                            {std::to_string(vpn["id"].get<int>()), "VPNにつながらない", "再起動してください", "ネットワーク"}});

    // The FAQ changes: an answer is rewritten, an article unpublished, a new one published.
    audited(server, [&] {
        return patch_json(desk, article_path(toner), {{"answer", "オンラインで注文してください"}, {"version", toner["version"]}});
    });
    moved_article(server, desk, vpn, "unpublished");
    const auto extra = published_article(server, office, article_body("新しい質問", "新しい回答", "その他", {"chatbot"}));
    const auto changed = export_faq(server, office);
    CHECK(faq_content(changed->body).size() == 2);
    CHECK(faq_content(changed->body) != exported);

    const auto list = json_of(desk.client->Get("/api/v1/knowledge/faq-exports"));
    REQUIRE(list["exports"].size() == 2);
    CHECK(list["exports"][0]["created_by"] == "ito1");
    CHECK(list["exports"][1]["article_count"] == 2);
    const auto first_id = list["exports"][1]["id"].get<std::int64_t>();
    const auto download = desk.client->Get(("/api/v1/knowledge/faq-exports/" + std::to_string(first_id) + "/faq.csv").c_str());
    REQUIRE(download->status == 200);
    CHECK(download->body == first->body);

    const auto restore_path = "/api/v1/knowledge/faq-exports/" + std::to_string(first_id) + "/restore";
    CHECK(post_json(desk, restore_path, json::object())->status == 400);
    const auto restored = audited(server, [&] { return post_json(desk, restore_path, {{"reason", "誤った更新を戻す"}}); });
    REQUIRE(restored->status == 201);
    const auto summary = json_of(restored);
    CHECK(summary["restored"] == 2);
    CHECK(summary["created"] == 0);
    CHECK(summary["unpublished"] == 1);

    // The chatbot set is the exported one again, and each change is a version with the reason.
    const auto again = export_faq(server, desk);
    CHECK(faq_content(again->body) == exported);
    CHECK(read_article(desk, extra)["article"]["state"] == "unpublished");
    const auto toner_now = read_article(desk, toner);
    CHECK(toner_now["article"]["answer"] == "=窓口へ連絡\n在庫があれば翌日届きます");
    CHECK(toner_now["versions"][0]["reason"] == "誤った更新を戻す");
    CHECK(read_article(staff, toner)["article"]["answer"] == "=窓口へ連絡\n在庫があれば翌日届きます");
    CHECK(count_rows(server.database_path(), "SELECT count(*) FROM audit_log WHERE action = 'faq.restored'") == 1);
    CHECK(count_rows(server.database_path(), "SELECT count(*) FROM audit_log WHERE action = 'faq.exported'") == 3);

    CHECK(staff.client->Get("/api/v1/knowledge/faq.csv")->status == 403);
    CHECK(post_json(desk, "/api/v1/knowledge/faq-exports/999/restore", {{"reason", "x"}})->status == 404);
}

TEST_CASE("an article is drafted from a resolved ticket: its title and last public answer", "[knowledge][tickets]") {
    RunningApp server;
    auto desk = signed_in_user(server, {"desk1", {Role::desk_operator}});
    const auto ticket = ticket_of(desk, "複合機の紙詰まり表示が消えない");
    const auto path = "/api/v1/knowledge/articles/from-ticket/" + std::to_string(ticket["id"].get<std::int64_t>());
    const auto open = post_json(desk, path, json::object());
    REQUIRE(open->status == 409);
    CHECK(json_of(open)["error"]["code"] == "ticket_not_resolved");

    move_ticket(desk, ticket, "in_progress");
    move_ticket(desk, ticket, "resolved", "背面の搬送ユニットに紙片が残っていたので取り除きました。");
    const auto created = audited(server, [&] { return post_json(desk, path, json::object()); });
    REQUIRE(created->status == 201);
    const auto answer = json_of(created);
    CHECK(answer["ticket"]["number"] == ticket["number"]);
    const auto& article = answer["article"];
    CHECK(article["question"] == "複合機の紙詰まり表示が消えない");
    CHECK(article["answer"] == "背面の搬送ユニットに紙片が残っていたので取り除きました。");
    CHECK(article["category"] == "機器");
    CHECK(article["state"] == "draft");
    CHECK(article["audiences"] == json::array({"desk"}));
    CHECK(article["source_ticket_id"] == ticket["id"]);
    CHECK(post_json(desk, "/api/v1/knowledge/articles/from-ticket/999999", json::object())->status == 404);
}

TEST_CASE("suggestions are published staff articles, best first, at most five: feedback is counted per article", "[knowledge][deflection]") {
    RunningApp server;
    auto desk = signed_in_user(server, {"desk1", {Role::desk_operator}});
    auto staff = signed_in_user(server, {"staff1", {Role::staff}});
    auto other = signed_in_user(server, {"staff2", {Role::staff}});
    const auto best = published_article(server, desk, article_body("プリンターが印刷できない", "電源を入れ直してください", "プリンタ", {"staff"}));
    for (int index = 0; index < 5; ++index) {
        published_article(server, desk, article_body("トナー交換 " + std::to_string(index), "プリンターの前面を開けます", "消耗品", {"staff"}));
    }
    published_article(server, desk, article_body("プリンターの設定（窓口用）", "管理画面で", "プリンタ", {"desk"}));
    write_article(server, desk, article_body("プリンターの下書き", "未公開", "プリンタ", {"staff"}));

    const auto suggested = json_of(staff.client->Get(("/api/v1/knowledge/suggest" + query_of("q", "ﾌﾟﾘﾝﾀｰ 印刷")).c_str()));
    REQUIRE(suggested["items"].size() == 5);
    CHECK(suggested["items"][0] == json{{"id", best["id"]}, {"question", "プリンターが印刷できない"},
                                        {"answer", "電源を入れ直してください"}, {"category", "プリンタ"}});
    for (const auto& item : suggested["items"]) {
        CHECK(item["question"].get<std::string>().find("窓口用") == std::string::npos);
        CHECK(item["question"].get<std::string>().find("下書き") == std::string::npos);
    }
    CHECK(json_of(staff.client->Get("/api/v1/knowledge/suggest?q="))["items"].empty());

    for (auto* reader : {&staff, &other}) {
        const auto given = audited(server, [&] { return post_json(*reader, article_path(best, "/feedback"), {{"solved", true}}); });
        REQUIRE(given->status == 201);
    }
    const auto unsolved = audited(server, [&] { return post_json(staff, article_path(best, "/feedback"), {{"solved", false}}); });
    CHECK(json_of(unsolved)["solved_count"] == 2);
    CHECK(json_of(unsolved)["unsolved_count"] == 1);
    CHECK(post_json(staff, article_path(best, "/feedback"), {{"solved", "yes"}})->status == 400);
    const auto listed = json_of(desk.client->Get(("/api/v1/knowledge/articles" + query_of("q", "印刷できない")).c_str()));
    REQUIRE(listed["articles"].size() == 1);
    CHECK(listed["articles"][0]["solved_count"] == 2);
    CHECK(listed["articles"][0]["unsolved_count"] == 1);
}
