#pragma once
// 設定 (settings) of a configuration item as versions: each change makes a new version
// {number, changed_by, changed_at, reason, values} holding the whole set of (parameter, value)
// pairs, so any two versions can be compared and any earlier one restored — restoring is
// itself a new version with that version's values and a reason (システムの設定変更対応).
#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "validation/field_problem.hpp"

namespace madoguchi::configuration {

// parameter → value, ordered by parameter.
using SettingValues = std::map<std::string, std::string>;

struct SettingsVersion {
    std::int64_t number = 0;  // 1, 2, 3, … per item
    std::string changed_by;   // login
    std::string changed_at;   // UTC ISO 8601
    std::string reason;       // 変更理由
    SettingValues values;
};

// A change relative to the newest version: parameters set (added or changed) and removed.
struct SettingChanges {
    SettingValues set;
    std::vector<std::string> removed;
};

inline constexpr std::size_t most_parameters = 200;

// Reason keys on "values" (the first problem): field.too_many_parameters,
// field.invalid_parameter_name (a name of 1–100 characters without spaces at its ends,
// control characters or invalid UTF-8), field.invalid_setting_value (at most 2000, multi-line).
std::vector<validation::FieldProblem> validate(const SettingValues& values);
// "reason": field.reason_required, or the text rules' keys (at most 500).
std::vector<validation::FieldProblem> validate_reason(std::string_view reason);

// `base` with the changes applied; a removed parameter that is not there is ignored.
SettingValues apply(const SettingValues& base, const SettingChanges& changes);

struct ChangedSetting {
    std::string parameter;
    std::string before;
    std::string after;
    friend bool operator==(const ChangedSetting&, const ChangedSetting&) = default;
};

struct SettingsDiff {
    SettingValues added;    // in `to`, not in `from`
    SettingValues removed;  // in `from`, not in `to` (with the value it had)
    std::vector<ChangedSetting> changed;  // in both with another value, by parameter
    bool empty() const { return added.empty() && removed.empty() && changed.empty(); }
};

// What changed from `from` to `to`.
SettingsDiff diff(const SettingValues& from, const SettingValues& to);

// The version found by number, or nullptr.
const SettingsVersion* find_version(const std::vector<SettingsVersion>& versions, std::int64_t number);

nlohmann::json to_json(const SettingValues& values);
nlohmann::json to_json(const SettingsVersion& version);
nlohmann::json to_json(const SettingsDiff& diff);  // {"added":{…},"removed":{…},"changed":[{parameter,before,after}]}
std::optional<SettingValues> values_from_json(const nlohmann::json& json);  // an object of strings
std::optional<SettingsVersion> version_from_json(const nlohmann::json& json);
std::optional<SettingsDiff> diff_from_json(const nlohmann::json& json);

}  // namespace madoguchi::configuration
