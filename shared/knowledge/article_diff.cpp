#include "knowledge/article_diff.hpp"

#include <algorithm>

namespace madoguchi::knowledge {
namespace {

std::string audience_list(const std::vector<Audience>& audiences) {
    std::string joined;
    for (const auto audience : audiences) {
        if (!joined.empty()) joined += ", ";
        joined += audience_name(audience);
    }
    return joined;
}

FieldDiff field_diff(std::string field, std::string_view before, std::string_view after) {
    auto lines = line_diff(before, after);
    const bool changed = std::any_of(lines.begin(), lines.end(), [](const auto& line) { return line.change != LineChange::same; });
    return {std::move(field), changed, std::move(lines)};
}

std::optional<LineChange> parse_change(std::string_view name) {
    for (const auto change : {LineChange::same, LineChange::removed, LineChange::added}) {
        if (change_name(change) == name) return change;
    }
    return std::nullopt;
}

}  // namespace

std::vector<FieldDiff> article_diff(const ArticleVersion& from, const ArticleVersion& to) {
    return {field_diff("question", from.question, to.question), field_diff("answer", from.answer, to.answer),
            field_diff("category", from.category, to.category),
            field_diff("audiences", audience_list(from.audiences), audience_list(to.audiences)),
            field_diff("state", state_name(from.state), state_name(to.state))};
}

nlohmann::json to_json(const std::vector<FieldDiff>& diff) {
    auto fields = nlohmann::json::array();
    for (const auto& field : diff) {
        auto lines = nlohmann::json::array();
        for (const auto& line : field.lines) lines.push_back({{"change", change_name(line.change)}, {"text", line.text}});
        fields.push_back({{"field", field.field}, {"changed", field.changed}, {"lines", lines}});
    }
    return fields;
}

std::optional<std::vector<FieldDiff>> diff_from_json(const nlohmann::json& json) {
    if (!json.is_array()) return std::nullopt;
    std::vector<FieldDiff> diff;
    try {
        for (const auto& field : json) {
            FieldDiff read{field.at("field").get<std::string>(), field.at("changed").get<bool>(), {}};
            for (const auto& line : field.at("lines")) {
                const auto change = parse_change(line.at("change").get<std::string>());
                if (!change) return std::nullopt;
                read.lines.push_back({*change, line.at("text").get<std::string>()});
            }
            diff.push_back(std::move(read));
        }
    } catch (const nlohmann::json::exception&) {
        return std::nullopt;
    }
    return diff;
}

}  // namespace madoguchi::knowledge
