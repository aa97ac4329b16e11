#include "lending/request_queue.hpp"

#include <algorithm>

#include "api/form_errors.hpp"
#include "api/query_string.hpp"
#include "ui/format.hpp"

namespace madoguchi::client {

bool sees_lending_queue(const CurrentUser& user) {
    using identity::Role;
    return user.has(Role::desk_operator) || user.has(Role::it_office) || user.has(Role::manager) || user.has(Role::admin);
}

std::string decision_block(const LoanRequestRecord& request, const lending::LoanRule* rule, const CurrentUser& user) {
    if (request.state != lending::RequestState::submitted) return "lending_client.queue.already_decided";
    return approver_block(request, rule, user);
}

std::string approver_block(const LoanRequestRecord& request, const lending::LoanRule* rule, const CurrentUser& user) {
    if (request.requester_login == user.login) return "lending_client.queue.own_request";
    if (rule == nullptr) return "lending_client.queue.no_rule";
    if (!user.has(lending::approver_role(rule->approver))) return "lending_client.queue.not_approver";
    if (rule->approver == lending::Approver::manager && request.requester_division != user.division_code) {
        return "lending_client.queue.other_division";
    }
    return {};
}

std::string queue_state_text(const LoanRequestRecord& request, i18n::Language language) {
    auto text = state_text(request.state, language);
    if (request.pending_extension_due) {
        text += fill_template(i18n::text("lending_client.queue.extension_waiting", language),
                              {{"due", calendar::format_date(*request.pending_extension_due)}});
    }
    return text;
}

RequestQueue::RequestQueue(i18n::Language language)
    : language_(language),
      table_({{"lending_client.column.number", 9.0F, CellAlignment::left, SortKind::text,
               [this](std::size_t row) { return rows_[row].number; }},
              {"lending_client.column.requester", 8.0F, CellAlignment::left, SortKind::text,
               [this](std::size_t row) { return rows_[row].requester_name; }},
              {"lending_client.column.class", 9.0F, CellAlignment::left, SortKind::text,
               [this](std::size_t row) { return class_name(rows_[row].class_code, language_); }},
              {"lending_client.column.quantity", 4.0F, CellAlignment::right, SortKind::number,
               [this](std::size_t row) { return std::to_string(rows_[row].quantity); },
               [this](std::size_t row) { return static_cast<double>(rows_[row].quantity); }},
              {"lending_client.column.start", 8.0F, CellAlignment::left, SortKind::date,
               [this](std::size_t row) { return calendar::format_date(rows_[row].start); }, {},
               [this](std::size_t row) { return rows_[row].start; }},
              {"lending_client.column.due", 8.0F, CellAlignment::left, SortKind::date,
               [this](std::size_t row) { return calendar::format_date(rows_[row].due); }, {},
               [this](std::size_t row) { return rows_[row].due; }},
              {"lending_client.column.state", 0.0F, CellAlignment::left, SortKind::text,
               [this](std::size_t row) { return queue_state_text(rows_[row], language_); }}},
             0) {}

void RequestQueue::set_language(i18n::Language language) {
    if (language == language_) return;
    language_ = language;
    table_.contents_changed();
}

void RequestQueue::load(ApiClient& api) {
    ++generation_;
    state_ = State::loading;
    std::vector<std::pair<std::string, std::string>> parameters;
    if (state_filter == extension_pending_filter) {
        parameters.emplace_back("extension", "pending");
    } else if (!state_filter.empty()) {
        parameters.emplace_back("state", state_filter);
    }
    if (!class_filter.empty()) parameters.emplace_back("class", class_filter);
    api.get(with_query("/api/v1/lending/requests", parameters), [this, generation = generation_](const ApiResult& result) {
        if (generation == generation_) accept(result);
    });
}

void RequestQueue::accept(const ApiResult& result) {
    auto requests = result.ok() ? requests_from_body(result.body) : std::nullopt;
    if (!requests) {
        error_ = result.ok() ? api::make_error("internal") : result.error;
        state_ = State::failed;
        return;
    }
    rows_ = std::move(*requests);
    table_.set_rows(rows_.size());
    if (const auto wanted = std::exchange(focus_, std::nullopt)) {
        const auto& shown = table_.visible_rows();
        for (std::size_t position = 0; position < shown.size(); ++position) {
            if (rows_[shown[position]].id != *wanted) continue;
            table_.click(position, {});
            opened_.reset();
            open(*wanted);
        }
    }
    if (opened_) {
        const auto found = std::find_if(rows_.begin(), rows_.end(), [&](const LoanRequestRecord& row) { return row.id == opened_->id; });
        if (found != rows_.end()) opened_ = *found;
    }
    error_ = {};
    state_ = State::loaded;
}

void RequestQueue::focus(std::int64_t id) {
    state_filter.clear();
    class_filter.clear();
    focus_ = id;
}

void RequestQueue::open(std::int64_t id) {
    const auto found = std::find_if(rows_.begin(), rows_.end(), [&](const LoanRequestRecord& row) { return row.id == id; });
    if (found == rows_.end()) return;
    if (!opened_ || opened_->id != id) {
        reason.clear();
        reason_missing_ = false;
        decision_error_ = {};
    }
    opened_ = *found;
}

bool RequestQueue::decide(ApiClient& api, Decision decision) {
    const auto* request = opened();
    if (request == nullptr || deciding_) return false;
    decision_error_ = {};
    reason_missing_ = decision == Decision::reject && reason.find_first_not_of(" \t\n　") == std::string::npos;
    if (reason_missing_) return false;
    deciding_ = true;
    const auto to = decision == Decision::approve ? "approved" : "rejected";
    api.send(transition_request(*request, to, decision == Decision::reject ? reason : std::string()),
             [this, &api](const ApiResult& result) {
                 accept_decision(result);
                 load(api);
             });
    return true;
}

void RequestQueue::accept_decision(const ApiResult& result) {
    deciding_ = false;
    if (!result.ok()) {
        decision_error_ = result.error;
        return;
    }
    const auto body = nlohmann::json::parse(result.body, nullptr, false);
    const auto record = body.is_object() ? request_from_json(body.value("request", nlohmann::json())) : std::nullopt;
    if (!record) return;
    decided_ = record->number;
    reason.clear();
    if (opened_ && opened_->id == record->id) opened_ = *record;
}

std::string RequestQueue::decision_error(i18n::Language language) const {
    if (reason_missing_) return i18n::text("lending_client.queue.reason_required", language);
    if (decision_error_.code.empty()) return {};
    if (decision_error_.code == "not_available") return i18n::text("lending_client.queue.not_available", language);
    return error_text(decision_error_, language);
}

}  // namespace madoguchi::client
