#include "configuration/licence_panel.hpp"

#include <algorithm>

#include "configuration/item_entry.hpp"
#include "configuration/settings.hpp"
#include "ui/format.hpp"

namespace madoguchi::client {

nlohmann::json assignee_body(const std::string& assignee) {
    const bool digits = !assignee.empty() && std::all_of(assignee.begin(), assignee.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (digits && assignee.size() < 18) return {{"device_id", std::stoll(assignee)}};
    return {{"user_login", assignee}};
}

LicencePanel::LicencePanel(i18n::Language language)
    : language_(language),
      table_({{"configuration.assignment.column.holder", 0.0F, CellAlignment::left, SortKind::text,
               [this](std::size_t row) {
                   const auto& assignment = assignments_[row];
                   if (!assignment.user_login.empty()) return assignment.user_login;
                   return fill_template(i18n::text("configuration.assignment.device", language_),
                                        {{"id", std::to_string(assignment.device_id)}});
               }},
              {"configuration.assignment.column.assigned_at", 10.0F, CellAlignment::left, SortKind::text,
               [this](std::size_t row) { return assignments_[row].assigned_at.substr(0, 10); }},
              {"configuration.assignment.column.by", 8.0F, CellAlignment::left, SortKind::text,
               [this](std::size_t row) { return assignments_[row].assigned_by; }},
              {"configuration.assignment.column.over_reason", 0.0F, CellAlignment::left, SortKind::text,
               [this](std::size_t row) { return assignments_[row].over_reason; }}},
             0) {}

void LicencePanel::clear() {
    state_ = State::idle;
    item_id_ = 0;
    licence_.reset();
    usage_.reset();
    assignments_.clear();
    table_.set_rows(0);
    assignee.clear();
    reason.clear();
    errors_.clear();
    needs_reason_ = false;
}

void LicencePanel::load(ApiClient& api, std::int64_t item_id) {
    if (item_id != item_id_) clear();
    item_id_ = item_id;
    state_ = State::loading;
    api.get(item_path(item_id, "/licence"), [this, item_id](const ApiResult& result) {
        if (item_id == item_id_) accept(result);
    });
}

void LicencePanel::accept(const ApiResult& result) {
    if (!result.ok()) {
        state_ = State::failed;
        error_text_ = client::error_text(result.error, language_);
        return;
    }
    const auto document = nlohmann::json::parse(result.body, nullptr, false);
    if (!document.is_object()) {
        state_ = State::failed;
        return;
    }
    licence_ = configuration::licence_from_json(document.value("licence", nlohmann::json()));
    usage_ = configuration::usage_from_json(document.value("usage", nlohmann::json()));
    assignments_.clear();
    for (const auto& json : document.value("assignments", nlohmann::json::array())) {
        if (auto assignment = configuration::assignment_from_json(json)) assignments_.push_back(std::move(*assignment));
    }
    state_ = State::loaded;
    table_.set_rows(assignments_.size());
}

bool LicencePanel::assign(ApiClient& api, bool beyond_seats) {
    if (busy_ || item_id_ == 0) return false;
    errors_.clear();
    if (assignee.empty()) {
        errors_.add_local("user_login", "field.assignee_required");
        return false;
    }
    auto body = assignee_body(assignee);
    if (beyond_seats) {
        for (const auto& problem : configuration::validate_reason(reason)) errors_.add_local(problem.field, problem.reason_key);
        if (!errors_.empty()) return false;
        body["allow_over"] = true;
        body["reason"] = reason;
    }
    busy_ = true;
    const auto id = item_id_;
    api.send({"POST", item_path(id, "/licence/assignments"), body.dump(), {}}, [this, id, &api](const ApiResult& result) {
        if (id != item_id_) return;
        accept_change(result, true);
        if (result.ok()) load(api, id);
    });
    return true;
}

void LicencePanel::unassign(ApiClient& api, std::int64_t assignment_id) {
    if (busy_ || item_id_ == 0) return;
    errors_.clear();
    busy_ = true;
    const auto id = item_id_;
    api.send({"DELETE", item_path(id, "/licence/assignments/" + std::to_string(assignment_id)), {}, {}},
             [this, id, &api](const ApiResult& result) {
                 if (id != item_id_) return;
                 accept_change(result, false);
                 if (result.ok()) load(api, id);
             });
}

void LicencePanel::accept_change(const ApiResult& result, bool assigned) {
    busy_ = false;
    if (result.ok()) {
        const auto document = nlohmann::json::parse(result.body, nullptr, false);
        if (document.is_object()) changed_usage_ = configuration::usage_from_json(document.value("usage", nlohmann::json()));
        if (assigned) {
            assignee.clear();
            reason.clear();
        }
        needs_reason_ = false;
        return;
    }
    if (result.status == 409 && result.error.code == "over_allocated") needs_reason_ = true;
    errors_.add_result(result);
}

void LicencePanel::set_language(i18n::Language language) {
    if (language == language_) return;
    language_ = language;
    table_.contents_changed();
}

}  // namespace madoguchi::client
