#include <catch2/catch.hpp>

#include "knowledge/article.hpp"

using namespace madoguchi::knowledge;
using madoguchi::validation::FieldProblem;

namespace {

ArticleDraft good_draft() {
    return {"プリンタで紙詰まりが起きたら？", "前面カバーを開けて用紙を取り除いてください。\n直らなければ窓口へ。", "プリンタ",
            {"staff", "chatbot"}};
}

}  // namespace

TEST_CASE("a complete article has no problems", "[knowledge]") { CHECK(validate(good_draft()).empty()); }

TEST_CASE("each field's problem is named once, in field order", "[knowledge]") {
    ArticleDraft draft{" ", std::string(10001, 'a'), "改行\nあり", {}};
    CHECK(validate(draft) == std::vector<FieldProblem>{{"question", "field.required"},
                                                       {"answer", "field.too_long_10000"},
                                                       {"category", "field.control_character"},
                                                       {"audiences", "field.required"}});
}

TEST_CASE("the question is one line of at most 200 characters, the answer may have many lines", "[knowledge]") {
    auto draft = good_draft();
    draft.question = std::string(200, 'q');
    CHECK(validate(draft).empty());
    draft.question += "q";
    CHECK(validate(draft) == std::vector<FieldProblem>{{"question", "field.too_long_200"}});
    draft = good_draft();
    draft.question = "一行目\n二行目";
    CHECK(validate(draft) == std::vector<FieldProblem>{{"question", "field.control_character"}});
}

TEST_CASE("audiences are known names, each once", "[knowledge]") {
    auto draft = good_draft();
    draft.audiences = {"staff", "vendor"};
    CHECK(validate(draft) == std::vector<FieldProblem>{{"audiences", "field.unknown_audience"}});
    draft.audiences = {"chatbot", "desk", "chatbot"};
    CHECK(validate(draft) == std::vector<FieldProblem>{{"audiences", "field.duplicate_audience"}});
    CHECK(audiences_of({"chatbot", "staff"}) == std::vector<Audience>{Audience::staff, Audience::chatbot});
    CHECK_FALSE(audiences_of({"everyone"}));
}

TEST_CASE("publishing and unpublishing follow the states", "[knowledge]") {
    CHECK(may_move(ArticleState::draft, ArticleState::published));
    CHECK(may_move(ArticleState::unpublished, ArticleState::published));
    CHECK(may_move(ArticleState::published, ArticleState::unpublished));
    CHECK_FALSE(may_move(ArticleState::published, ArticleState::published));
    CHECK_FALSE(may_move(ArticleState::draft, ArticleState::unpublished));
    CHECK_FALSE(may_move(ArticleState::published, ArticleState::draft));
}

TEST_CASE("a version survives its JSON form", "[knowledge]") {
    const ArticleVersion version{3, "質問", "回答", "カテゴリ", {Audience::desk, Audience::chatbot}, ArticleState::published,
                                 "2026-11-25T01:00:00Z", "desk1", "公開"};
    CHECK(version_from_json(to_json(version)) == version);
    auto broken = to_json(version);
    broken["audiences"] = {"nobody"};
    CHECK_FALSE(version_from_json(broken));
    CHECK_FALSE(version_from_json(nlohmann::json::array()));
}

TEST_CASE("a reason is optional but bounded", "[knowledge]") {
    CHECK(validate_reason("").empty());
    CHECK(validate_reason(std::string(501, 'r')) == std::vector<FieldProblem>{{"reason", "field.too_long_500"}});
}
