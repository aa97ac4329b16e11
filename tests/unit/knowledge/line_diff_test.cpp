#include <catch2/catch.hpp>

#include "knowledge/article_diff.hpp"
#include "knowledge/line_diff.hpp"

using namespace madoguchi::knowledge;

namespace {

// The diff as "  kept", "- removed", "+ added" lines, as a reviewer reads it.
std::vector<std::string> shown(const std::vector<DiffLine>& diff) {
    std::vector<std::string> lines;
    for (const auto& line : diff) {
        const char* mark = line.change == LineChange::same ? "  " : line.change == LineChange::removed ? "- " : "+ ";
        lines.push_back(mark + line.text);
    }
    return lines;
}

}  // namespace

TEST_CASE("lines split at LF, CRLF taken as one break", "[knowledge][diff]") {
    CHECK(split_lines("").empty());
    CHECK(split_lines("一行") == std::vector<std::string>{"一行"});
    CHECK(split_lines("a\r\nb\n") == std::vector<std::string>{"a", "b", ""});
}

TEST_CASE("a replaced line in the middle is removed then added, the rest kept", "[knowledge][diff]") {
    const auto diff = line_diff("手順1: 電源を切る\n手順2: カバーを開ける\n手順3: 紙を取る", "手順1: 電源を切る\n手順2: 前面カバーを開ける\n手順3: 紙を取る");
    CHECK(shown(diff) == std::vector<std::string>{"  手順1: 電源を切る", "- 手順2: カバーを開ける", "+ 手順2: 前面カバーを開ける",
                                                 "  手順3: 紙を取る"});
}

TEST_CASE("inserted and deleted lines keep the common ones in order", "[knowledge][diff]") {
    CHECK(shown(line_diff("a\nb\nc\nd", "a\nx\nc\nd\ne")) ==
          std::vector<std::string>{"  a", "- b", "+ x", "  c", "  d", "+ e"});
    CHECK(shown(line_diff("a\nb\nc", "b")) == std::vector<std::string>{"- a", "  b", "- c"});
    CHECK(shown(line_diff("", "new")) == std::vector<std::string>{"+ new"});
    CHECK(shown(line_diff("same", "same")) == std::vector<std::string>{"  same"});
}

TEST_CASE("a middle too large to compare is shown removed then added whole", "[knowledge][diff]") {
    std::string before;
    std::string after;
    for (int line = 0; line < 2500; ++line) {
        before += "old " + std::to_string(line) + "\n";
        after += "new " + std::to_string(line) + "\n";
    }
    const auto diff = line_diff("head\n" + before + "tail", "head\n" + after + "tail");
    REQUIRE(diff.size() == 2 + 5000);
    CHECK(diff.front() == DiffLine{LineChange::same, "head"});
    CHECK(diff[1] == DiffLine{LineChange::removed, "old 0"});
    CHECK(diff[2501] == DiffLine{LineChange::added, "new 0"});
    CHECK(diff.back() == DiffLine{LineChange::same, "tail"});
}

TEST_CASE("two versions are compared field by field", "[knowledge][diff]") {
    const ArticleVersion from{1, "質問", "回答1\n回答2", "PC", {Audience::staff}, ArticleState::draft, "", "", ""};
    auto to = from;
    to.version = 2;
    to.answer = "回答1\n回答2改";
    to.audiences = {Audience::staff, Audience::chatbot};
    const auto diff = article_diff(from, to);
    REQUIRE(diff.size() == 5);
    CHECK_FALSE(diff[0].changed);
    CHECK(diff[1].field == "answer");
    CHECK(diff[1].changed);
    CHECK(shown(diff[1].lines) == std::vector<std::string>{"  回答1", "- 回答2", "+ 回答2改"});
    CHECK(shown(diff[3].lines) == std::vector<std::string>{"- staff", "+ staff, chatbot"});
    CHECK_FALSE(diff[4].changed);
    CHECK(diff_from_json(to_json(diff)) == diff);
}
