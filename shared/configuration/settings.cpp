#include "configuration/settings.hpp"

#include <algorithm>

#include "text/utf8.hpp"
#include "validation/text_rules.hpp"

namespace madoguchi::configuration {
namespace {

std::string string_member(const nlohmann::json& json, const char* name) {
    const auto found = json.find(name);
    return found != json.end() && found->is_string() ? found->get<std::string>() : std::string();
}

bool is_parameter_name(std::string_view name) {
    if (!validation::text_problem(name, 100, true).empty()) return false;
    // " timeout" and "timeout" would look alike in every list: names are trimmed.
    const auto decoded = text::decode_utf8(name);
    return !text::is_blank(decoded->front()) && !text::is_blank(decoded->back());
}

}  // namespace

std::vector<validation::FieldProblem> validate(const SettingValues& values) {
    if (values.size() > most_parameters) return {{"values", "field.too_many_parameters"}};
    for (const auto& [parameter, value] : values) {
        if (!is_parameter_name(parameter)) return {{"values", "field.invalid_parameter_name"}};
        if (!validation::text_problem(value, 2000, false, true).empty()) return {{"values", "field.invalid_setting_value"}};
    }
    return {};
}

std::vector<validation::FieldProblem> validate_reason(std::string_view reason) {
    auto problem = validation::text_problem(reason, 500, true);
    if (problem.empty()) return {};
    return {{"reason", problem == "field.required" ? "field.reason_required" : problem}};
}

SettingValues apply(const SettingValues& base, const SettingChanges& changes) {
    auto values = base;
    for (const auto& parameter : changes.removed) values.erase(parameter);
    for (const auto& [parameter, value] : changes.set) values[parameter] = value;
    return values;
}

SettingsDiff diff(const SettingValues& from, const SettingValues& to) {
    SettingsDiff result;
    for (const auto& [parameter, value] : from) {
        const auto found = to.find(parameter);
        if (found == to.end()) {
            result.removed.emplace(parameter, value);
        } else if (found->second != value) {
            result.changed.push_back({parameter, value, found->second});
        }
    }
    for (const auto& [parameter, value] : to) {
        if (!from.contains(parameter)) result.added.emplace(parameter, value);
    }
    return result;
}

const SettingsVersion* find_version(const std::vector<SettingsVersion>& versions, std::int64_t number) {
    const auto found = std::find_if(versions.begin(), versions.end(),
                                    [number](const SettingsVersion& version) { return version.number == number; });
    return found == versions.end() ? nullptr : &*found;
}

nlohmann::json to_json(const SettingValues& values) {
    auto object = nlohmann::json::object();
    for (const auto& [parameter, value] : values) object[parameter] = value;
    return object;
}

nlohmann::json to_json(const SettingsVersion& version) {
    return {{"number", version.number},
            {"changed_by", version.changed_by},
            {"changed_at", version.changed_at},
            {"reason", version.reason},
            {"values", to_json(version.values)}};
}

nlohmann::json to_json(const SettingsDiff& diff) {
    auto changed = nlohmann::json::array();
    for (const auto& change : diff.changed) {
        changed.push_back({{"parameter", change.parameter}, {"before", change.before}, {"after", change.after}});
    }
    return {{"added", to_json(diff.added)}, {"removed", to_json(diff.removed)}, {"changed", changed}};
}

std::optional<SettingValues> values_from_json(const nlohmann::json& json) {
    if (!json.is_object()) return std::nullopt;
    SettingValues values;
    for (const auto& [parameter, value] : json.items()) {
        if (!value.is_string()) return std::nullopt;
        values.emplace(parameter, value.get<std::string>());
    }
    return values;
}

std::optional<SettingsVersion> version_from_json(const nlohmann::json& json) {
    if (!json.is_object()) return std::nullopt;
    const auto number = json.find("number");
    const auto values = json.find("values");
    if (number == json.end() || !number->is_number_integer() || values == json.end()) return std::nullopt;
    auto parsed = values_from_json(*values);
    if (!parsed) return std::nullopt;
    return SettingsVersion{number->get<std::int64_t>(), string_member(json, "changed_by"),
                           string_member(json, "changed_at"), string_member(json, "reason"), std::move(*parsed)};
}

std::optional<SettingsDiff> diff_from_json(const nlohmann::json& json) {
    if (!json.is_object() || !json.contains("added") || !json.contains("removed") || !json.contains("changed")) {
        return std::nullopt;
    }
    auto added = values_from_json(json["added"]);
    auto removed = values_from_json(json["removed"]);
    if (!added || !removed || !json["changed"].is_array()) return std::nullopt;
    SettingsDiff result{std::move(*added), std::move(*removed), {}};
    for (const auto& change : json["changed"]) {
        if (!change.is_object()) return std::nullopt;
        result.changed.push_back(
            {string_member(change, "parameter"), string_member(change, "before"), string_member(change, "after")});
    }
    return result;
}

}  // namespace madoguchi::configuration
