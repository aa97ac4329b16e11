#include "configuration/settings_history.hpp"

#include <algorithm>

#include "configuration/item_entry.hpp"
#include "ui/format.hpp"

namespace madoguchi::client {
namespace {

// "第3版：夜間はFAQのみ回答" / "Version 3: …".
std::string version_label(std::int64_t number, const std::string& reason, i18n::Language language) {
    return fill_template(i18n::text("configuration.settings.version_label", language),
                         {{"number", std::to_string(number)}, {"reason", reason}});
}

}  // namespace

std::vector<DiffLine> diff_lines(const configuration::SettingsDiff& diff) {
    std::vector<DiffLine> lines;
    for (const auto& [parameter, value] : diff.added) lines.push_back({DiffKind::added, parameter, {}, value});
    for (const auto& [parameter, value] : diff.removed) lines.push_back({DiffKind::removed, parameter, value, {}});
    for (const auto& change : diff.changed) lines.push_back({DiffKind::changed, change.parameter, change.before, change.after});
    std::stable_sort(lines.begin(), lines.end(), [](const DiffLine& a, const DiffLine& b) { return a.parameter < b.parameter; });
    return lines;
}

SettingsHistory::SettingsHistory(i18n::Language language)
    : language_(language),
      table_({{"configuration.settings.column.number", 4.0F, CellAlignment::right, SortKind::number,
               [this](std::size_t row) { return std::to_string(versions_[row].number); },
               [this](std::size_t row) { return static_cast<double>(versions_[row].number); }},
              {"configuration.settings.column.changed_at", 10.0F, CellAlignment::left, SortKind::text,
               [this](std::size_t row) { return versions_[row].changed_at.substr(0, 10); }},
              {"configuration.settings.column.changed_by", 8.0F, CellAlignment::left, SortKind::text,
               [this](std::size_t row) { return versions_[row].changed_by; }},
              {"configuration.settings.column.reason", 0.0F, CellAlignment::left, SortKind::text,
               [this](std::size_t row) { return versions_[row].reason; }}},
             0,
             // Rows are named by version, so tests and screen readers can tell them apart.
             [this](std::size_t row) {
                 return version_label(versions_[row].number, versions_[row].reason, language_);
             }) {}

void SettingsHistory::clear() {
    state_ = State::idle;
    item_id_ = 0;
    versions_.clear();
    table_.set_rows(0);
    from = to = 0;
    parameter.clear();
    value.clear();
    reason.clear();
    errors_.clear();
    stale_ = false;
    restoring_.reset();
}

void SettingsHistory::load(ApiClient& api, std::int64_t item_id) {
    if (item_id != item_id_) clear();
    item_id_ = item_id;
    state_ = State::loading;
    api.get(item_path(item_id, "/settings"), [this, item_id](const ApiResult& result) {
        if (item_id == item_id_) accept(result);
    });
}

void SettingsHistory::accept(const ApiResult& result) {
    if (!result.ok()) {
        state_ = State::failed;
        error_text_ = client::error_text(result.error, language_);
        return;
    }
    const auto document = nlohmann::json::parse(result.body, nullptr, false);
    versions_.clear();
    if (document.is_object()) {
        for (const auto& json : document.value("versions", nlohmann::json::array())) {
            if (auto version = configuration::version_from_json(json)) versions_.push_back(std::move(*version));
        }
    }
    state_ = State::loaded;
    table_.set_rows(versions_.size());
    // Compare the newest with the one before it, unless both chosen versions still exist.
    if (!configuration::find_version(versions_, from) || !configuration::find_version(versions_, to)) {
        to = versions_.empty() ? 0 : versions_.front().number;
        from = versions_.size() > 1 ? versions_[1].number : to;
    }
}

std::vector<DiffLine> SettingsHistory::diff() const {
    const auto* older = configuration::find_version(versions_, from);
    const auto* newer = configuration::find_version(versions_, to);
    if (older == nullptr || newer == nullptr) return {};
    return diff_lines(configuration::diff(older->values, newer->values));
}

const configuration::SettingValues& SettingsHistory::current_values() const {
    static const configuration::SettingValues none;
    return versions_.empty() ? none : versions_.front().values;
}

void SettingsHistory::send(ApiClient& api, std::string path, nlohmann::json body) {
    busy_ = true;
    stale_ = false;
    const auto id = item_id_;
    api.send({"POST", std::move(path), body.dump(), {}}, [this, id, &api](const ApiResult& result) {
        if (id != item_id_) return;
        accept_change(result);
        if (result.ok() || stale_) load(api, id);
    });
}

bool SettingsHistory::change(ApiClient& api) {
    if (busy_ || item_id_ == 0) return false;
    errors_.clear();
    const configuration::SettingValues set{{parameter, value}};
    if (!configuration::validate(configuration::SettingValues{{parameter, ""}}).empty()) {
        errors_.add_local("parameter", "field.invalid_parameter_name");
    }
    if (!configuration::validate(configuration::SettingValues{{"value", value}}).empty()) {
        errors_.add_local("value", "field.invalid_setting_value");
    }
    for (const auto& problem : configuration::validate_reason(reason)) errors_.add_local(problem.field, problem.reason_key);
    if (!errors_.empty()) return false;
    send(api, item_path(item_id_, "/settings"),
         {{"changes", {{"set", configuration::to_json(set)}}},
          {"reason", reason},
          {"version", versions_.empty() ? 0 : versions_.front().number}});
    return true;
}

void SettingsHistory::ask_restore(std::int64_t number) {
    errors_.clear();
    restore_reason.clear();
    restoring_ = number;
}

bool SettingsHistory::confirm_restore(ApiClient& api) {
    if (busy_ || !restoring_) return false;
    errors_.clear();
    for (const auto& problem : configuration::validate_reason(restore_reason)) {
        errors_.add_local("restore_reason", problem.reason_key);
    }
    if (!errors_.empty()) return false;
    send(api, item_path(item_id_, "/settings/restore"), {{"version_number", *restoring_}, {"reason", restore_reason}});
    return true;
}

void SettingsHistory::cancel_restore() {
    restoring_.reset();
    errors_.clear();
}

void SettingsHistory::accept_change(const ApiResult& result) {
    busy_ = false;
    if (result.ok()) {
        const auto document = nlohmann::json::parse(result.body, nullptr, false);
        if (document.is_object()) {
            if (auto version = configuration::version_from_json(document.value("version", nlohmann::json()))) {
                written_ = version->number;
                // The diff shows what this change did: the version before it against it.
                from = versions_.empty() ? version->number : versions_.front().number;
                to = version->number;
            }
        }
        parameter.clear();
        value.clear();
        reason.clear();
        restoring_.reset();
        return;
    }
    if (result.status == 409 && result.error.code == "stale_version") stale_ = true;
    errors_.add_result(result);
}

void SettingsHistory::set_language(i18n::Language language) {
    if (language == language_) return;
    language_ = language;
    table_.contents_changed();
}

}  // namespace madoguchi::client
