#include <catch2/catch.hpp>

#include "knowledge/article_search.hpp"

using namespace madoguchi::knowledge;

TEST_CASE("typed words are split at ASCII and full-width spaces and folded", "[knowledge][search]") {
    CHECK(search_terms("ﾌﾟﾘﾝﾀｰ　紙詰まり  ＰＣ") == std::vector<std::string>{"ぷりんたー", "紙詰まり", "pc"});
    CHECK(search_terms(" 　 ").empty());
    CHECK(search_terms("").empty());
}

TEST_CASE("an article's search text finds it by any field, never across two", "[knowledge][search]") {
    const auto text = article_search_text("プリンター", "前面を開ける", "ＰＣ");
    CHECK(text.find("ぷりんたー") != std::string::npos);
    CHECK(text.find("pc") != std::string::npos);
    CHECK(text.find("ー前") == std::string::npos);
}

TEST_CASE("a suggestion scores most for words of the question, then category, then answer", "[knowledge][search]") {
    const auto terms = search_terms("プリンター 印刷");
    CHECK(suggestion_score(terms, "プリンターで印刷できない", "", "") == 6);
    CHECK(suggestion_score(terms, "紙詰まり", "プリンターを開ける", "印刷") == 3);
    CHECK(suggestion_score(terms, "パスワード", "再設定", "アカウント") == 0);
}
