#pragma once
// What changed between two versions of an article, field by field, each field compared line
// by line: the server's diff endpoint answers it and the desk's version view shows it.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "knowledge/article.hpp"
#include "knowledge/line_diff.hpp"

namespace madoguchi::knowledge {

struct FieldDiff {
    std::string field;  // question, answer, category, audiences, state
    bool changed = false;
    std::vector<DiffLine> lines;
    friend bool operator==(const FieldDiff&, const FieldDiff&) = default;
};

// Every field in that order; audiences compared as their names joined with ", ".
std::vector<FieldDiff> article_diff(const ArticleVersion& from, const ArticleVersion& to);

// [{"field","changed","lines":[{"change","text"}]}]
nlohmann::json to_json(const std::vector<FieldDiff>& diff);
std::optional<std::vector<FieldDiff>> diff_from_json(const nlohmann::json& json);

}  // namespace madoguchi::knowledge
