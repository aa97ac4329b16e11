#include "knowledge/article.hpp"

#include <algorithm>
#include <array>

#include "validation/text_rules.hpp"

namespace madoguchi::knowledge {
namespace {

constexpr std::array<std::pair<Audience, std::string_view>, 3> audience_names{
    {{Audience::staff, "staff"}, {Audience::desk, "desk"}, {Audience::chatbot, "chatbot"}}};
constexpr std::array<std::pair<ArticleState, std::string_view>, 3> state_names{
    {{ArticleState::draft, "draft"}, {ArticleState::published, "published"}, {ArticleState::unpublished, "unpublished"}}};

void add(std::vector<validation::FieldProblem>& problems, std::string_view field, std::string reason) {
    if (!reason.empty()) problems.push_back({std::string(field), std::move(reason)});
}

std::string audiences_problem(const std::vector<std::string>& names) {
    if (names.empty()) return "field.required";
    for (std::size_t index = 0; index < names.size(); ++index) {
        if (!parse_audience(names[index])) return "field.unknown_audience";
        if (std::find(names.begin(), names.begin() + static_cast<std::ptrdiff_t>(index), names[index]) !=
            names.begin() + static_cast<std::ptrdiff_t>(index)) {
            return "field.duplicate_audience";
        }
    }
    return {};
}

}  // namespace

std::string_view audience_name(Audience audience) {
    for (const auto& [value, name] : audience_names) {
        if (value == audience) return name;
    }
    return "staff";
}

std::optional<Audience> parse_audience(std::string_view name) {
    for (const auto& [value, known] : audience_names) {
        if (known == name) return value;
    }
    return std::nullopt;
}

const std::vector<Audience>& all_audiences() {
    static const std::vector<Audience> audiences{Audience::staff, Audience::desk, Audience::chatbot};
    return audiences;
}

std::string_view state_name(ArticleState state) {
    for (const auto& [value, name] : state_names) {
        if (value == state) return name;
    }
    return "draft";
}

std::optional<ArticleState> parse_article_state(std::string_view name) {
    for (const auto& [value, known] : state_names) {
        if (known == name) return value;
    }
    return std::nullopt;
}

bool may_move(ArticleState from, ArticleState to) {
    if (to == ArticleState::published) return from != ArticleState::published;
    if (to == ArticleState::unpublished) return from == ArticleState::published;
    return false;
}

std::vector<validation::FieldProblem> validate(const ArticleDraft& draft) {
    std::vector<validation::FieldProblem> problems;
    add(problems, "question", validation::text_problem(draft.question, question_limit, true));
    add(problems, "answer", validation::text_problem(draft.answer, answer_limit, true, true));
    add(problems, "category", validation::text_problem(draft.category, category_limit, true));
    add(problems, "audiences", audiences_problem(draft.audiences));
    return problems;
}

std::vector<validation::FieldProblem> validate_reason(std::string_view reason) {
    std::vector<validation::FieldProblem> problems;
    add(problems, "reason", validation::text_problem(reason, reason_limit, false, true));
    return problems;
}

bool has_audience(const std::vector<Audience>& audiences, Audience audience) {
    return std::find(audiences.begin(), audiences.end(), audience) != audiences.end();
}

std::optional<std::vector<Audience>> audiences_of(const std::vector<std::string>& names) {
    std::vector<Audience> found;
    for (const auto& name : names) {
        const auto audience = parse_audience(name);
        if (!audience) return std::nullopt;
        found.push_back(*audience);
    }
    std::vector<Audience> ordered;
    for (const auto audience : all_audiences()) {
        if (has_audience(found, audience)) ordered.push_back(audience);
    }
    return ordered;
}

nlohmann::json to_json(const ArticleVersion& version) {
    auto audiences = nlohmann::json::array();
    for (const auto audience : version.audiences) audiences.push_back(audience_name(audience));
    return {{"version", version.version},       {"question", version.question},
            {"answer", version.answer},         {"category", version.category},
            {"audiences", audiences},           {"state", state_name(version.state)},
            {"changed_at", version.changed_at}, {"changed_by", version.changed_by},
            {"reason", version.reason}};
}

std::optional<ArticleVersion> version_from_json(const nlohmann::json& json) {
    if (!json.is_object()) return std::nullopt;
    try {
        ArticleVersion version;
        version.version = json.at("version").get<std::int64_t>();
        version.question = json.at("question").get<std::string>();
        version.answer = json.at("answer").get<std::string>();
        version.category = json.at("category").get<std::string>();
        auto audiences = audiences_of(json.at("audiences").get<std::vector<std::string>>());
        auto state = parse_article_state(json.at("state").get<std::string>());
        if (!audiences || !state) return std::nullopt;
        version.audiences = std::move(*audiences);
        version.state = *state;
        version.changed_at = json.value("changed_at", "");
        version.changed_by = json.value("changed_by", "");
        version.reason = json.value("reason", "");
        return version;
    } catch (const nlohmann::json::exception&) {
        return std::nullopt;
    }
}

}  // namespace madoguchi::knowledge
