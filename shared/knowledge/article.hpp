#pragma once
// Knowledge articles (ナレッジ): a question and its answer, written by the desk for three
// audiences (staff 職員, the desk itself 運用窓口, the chatbot's FAQ チャットボット). The same
// checks run in the desk's editor (marking fields) and on the server (refusing the write).
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "validation/field_problem.hpp"

namespace madoguchi::knowledge {

enum class Audience { staff, desk, chatbot };
// 下書き → 公開 ⇄ 公開停止: a draft is seen by the desk only, as is an unpublished article.
enum class ArticleState { draft, published, unpublished };

std::string_view audience_name(Audience audience);  // "staff", "desk", "chatbot"
std::optional<Audience> parse_audience(std::string_view name);
const std::vector<Audience>& all_audiences();

std::string_view state_name(ArticleState state);  // "draft", "published", "unpublished"
std::optional<ArticleState> parse_article_state(std::string_view name);

// The moves between states: publish from draft or unpublished, unpublish from published.
bool may_move(ArticleState from, ArticleState to);

inline constexpr std::size_t question_limit = 200;
inline constexpr std::size_t answer_limit = 10000;
inline constexpr std::size_t category_limit = 50;
inline constexpr std::size_t reason_limit = 500;

// What the editor fills in. Audiences by name, so an unknown one can be reported.
struct ArticleDraft {
    std::string question;  // 質問: required, one line, at most 200 characters
    std::string answer;    // 回答: required, multi-line, at most 10000
    std::string category;  // カテゴリ: required, one line, at most 50
    std::vector<std::string> audiences;  // at least one; each once
};

// reason keys: field.required, field.too_long_<limit>, field.control_character,
// field.invalid_utf8, field.unknown_audience, field.duplicate_audience. At most one problem
// per field, in field order (question, answer, category, audiences).
std::vector<validation::FieldProblem> validate(const ArticleDraft& draft);
// The reason a change gives (optional): field.too_long_500, field.control_character, field.invalid_utf8.
std::vector<validation::FieldProblem> validate_reason(std::string_view reason);

// One version of an article as the API sends it; the current article is its newest version.
struct ArticleVersion {
    std::int64_t version = 1;
    std::string question;
    std::string answer;
    std::string category;
    std::vector<Audience> audiences;  // in all_audiences() order
    ArticleState state = ArticleState::draft;
    std::string changed_at;  // UTC ISO 8601
    std::string changed_by;  // login
    std::string reason;      // why: empty, or what the editor wrote ("公開", "回答を更新")
    friend bool operator==(const ArticleVersion&, const ArticleVersion&) = default;
};

bool has_audience(const std::vector<Audience>& audiences, Audience audience);
// Sorted in all_audiences() order, each once; empty when a name is unknown.
std::optional<std::vector<Audience>> audiences_of(const std::vector<std::string>& names);

nlohmann::json to_json(const ArticleVersion& version);
std::optional<ArticleVersion> version_from_json(const nlohmann::json& json);

}  // namespace madoguchi::knowledge
