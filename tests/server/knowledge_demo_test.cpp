// The demo knowledge base seed-demo writes: published articles a staff member's inquiry title
// finds through the suggestions, each written and published as the desk would (audited as
// the seeding actor), and nothing added a second time.
#include <catch2/catch.hpp>

#include "cli_test_support.hpp"
#include "inquiry_test_support.hpp"
#include "knowledge/demo_knowledge.hpp"
#include "knowledge_test_support.hpp"
#include "transaction_test_support.hpp"

using namespace madoguchi::testing;
using nlohmann::json;
namespace store = madoguchi::server::store;

namespace {

std::int64_t seeded(const RunningApp& server) {
    std::int64_t added = 0;
    write_in_transaction(server.database_path(), [&](store::Database& database) -> store::Status {
        auto result = madoguchi::server::knowledge::seed_demo_knowledge(database, {"cli", "", ""});
        if (!result) return store::Error{result.error()};
        added = result.value();
        return store::success();
    });
    return added;
}

std::vector<std::string> suggested_questions(SignedIn& reader, const std::string& title) {
    const auto answer = json_of(reader.client->Get(("/api/v1/knowledge/suggest" + query_of("q", title)).c_str()));
    std::vector<std::string> questions;
    for (const auto& item : answer["items"]) questions.push_back(item["question"].get<std::string>());
    return questions;
}

}  // namespace

TEST_CASE("demo articles are published for staff, desk and chatbot, found by a staff member's title, and seeded once",
          "[knowledge][seed]") {
    RunningApp server;
    auto staff = signed_in_user(server, {"staff1", {Role::staff}});
    const auto& db = server.database_path();

    const auto added = seeded(server);
    CHECK(added >= 12);
    CHECK(count_rows(db, "SELECT count(*) FROM knowledge_articles") == added);
    CHECK(count_rows(db, "SELECT count(*) FROM knowledge_articles WHERE state <> 'published'") == 0);
    for (const auto* audience : {",staff,", ",desk,", ",chatbot,"}) {
        CHECK(count_rows(db, std::string("SELECT count(*) FROM knowledge_articles WHERE instr(audiences, '") + audience + "')") > 0);
    }
    // Written, then published: two versions each, both audited as the seed's actor.
    CHECK(count_rows(db, "SELECT count(*) FROM knowledge_article_versions") == 2 * added);
    CHECK(count_rows(db, "SELECT count(*) FROM audit_log WHERE action = 'knowledge.created' AND actor = 'cli'") == added);
    CHECK(count_rows(db, "SELECT count(*) FROM audit_log WHERE action = 'knowledge.published' AND actor = 'cli'") == added);
    CHECK(madoguchi_cli({"audit", "verify", "--db", db.string()}).exit_code == 0);

    // Half-width katakana, hiragana for katakana, full-width letters: the title finds the article.
    const auto paper_jam = suggested_questions(staff, "ﾌﾟﾘﾝﾀ 紙詰まり");
    REQUIRE_FALSE(paper_jam.empty());
    CHECK(paper_jam.front() == "プリンタ・複合機で紙詰まりが起きたときは？");
    const auto password = suggested_questions(staff, "ＧＳＳ端末 ぱすわーど");
    REQUIRE_FALSE(password.empty());
    CHECK(password.front() == "GSS端末のパスワードを忘れた・再設定したい");
    const auto loan = suggested_questions(staff, "ipad 貸出");
    REQUIRE_FALSE(loan.empty());
    CHECK(loan.front() == "iPad（タブレット）を借りるには？貸出手続き");
    // The desk's own procedure is not offered to staff.
    for (const auto& question : paper_jam) CHECK(question != "紙詰まりの連絡を受けたときの窓口対応");

    const auto audit_rows = count_rows(db, "SELECT count(*) FROM audit_log");
    CHECK(seeded(server) == 0);
    CHECK(count_rows(db, "SELECT count(*) FROM knowledge_articles") == added);
    CHECK(count_rows(db, "SELECT count(*) FROM audit_log") == audit_rows);
}
