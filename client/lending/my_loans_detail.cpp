#include "lending/my_loans_detail.hpp"

#include "api/form_errors.hpp"
#include "lending/extension.hpp"
#include "ui/format.hpp"

namespace madoguchi::client {

bool overdue(const LoanRequestRecord& loan, const calendar::Date& today) {
    return loan.state == lending::RequestState::on_loan && loan.due < today;
}

std::optional<ReminderHistory> reminders_from_body(const std::string& body) {
    const auto document = nlohmann::json::parse(body, nullptr, false);
    if (!document.is_object() || !document.contains("reminders") || !document["reminders"].is_array()) return std::nullopt;
    ReminderHistory history;
    for (const auto& item : document["reminders"]) {
        // A superseded reminder (the due date moved before it went out) was never sent.
        if (!item.is_object() || string_field(item, "state") != "sent") continue;
        history.reminders.push_back({string_field(item, "kind"), static_cast<int>(integer_field(item, "overdue_number")),
                                     string_field(item, "recorded_at"), string_field(item, "sent_by")});
    }
    const auto escalated = document.find("escalated");
    history.escalated = escalated != document.end() && escalated->is_boolean() && escalated->get<bool>();
    return history;
}

std::string reminder_text(const ReminderEntry& reminder, i18n::Language language) {
    const auto when = calendar::parse_iso8601(reminder.recorded_at).instant;
    const auto kind = i18n::text("lending.reminder.kind." + reminder.kind, language);
    const auto key = reminder.overdue_number > 0 ? "lending_client.reminder.numbered" : "lending_client.reminder.line";
    return fill_template(i18n::text(key, language), {{"when", when ? format_display_time(*when, language, false) : ""},
                                                    {"kind", kind},
                                                    {"n", std::to_string(reminder.overdue_number)}});
}

void MyLoanDetail::open(ApiClient& api, const LoanRequestRecord& loan) {
    const bool another = !loan_ || loan_->id != loan.id;
    loan_ = loan;
    if (another) {
        new_due_.set(std::nullopt);
        reason.clear();
        local_refusal_.clear();
        ask_error_ = {};
        latest_due_.reset();
    }
    read(api);
}

void MyLoanDetail::close() {
    ++generation_;
    loan_.reset();
    state_ = State::closed;
    extensions_.clear();
    history_ = {};
}

void MyLoanDetail::refresh(const LoanRequestRecord& loan) {
    if (loan_ && loan_->id == loan.id) loan_ = loan;
}

void MyLoanDetail::read(ApiClient& api) {
    ++generation_;
    state_ = State::loading;
    waiting_ = 2;
    const auto base = "/api/v1/lending/requests/" + std::to_string(loan_->id);
    const auto settle = [this](const ApiResult& result) {
        if (!result.ok() && state_ != State::failed) {
            error_ = result.error;
            state_ = State::failed;
        }
        if (--waiting_ == 0 && state_ != State::failed) state_ = State::loaded;
    };
    api.get(base + "/extensions", [this, settle, generation = generation_](const ApiResult& result) {
        if (generation != generation_) return;
        if (auto read = result.ok() ? extensions_from_body(result.body) : std::nullopt) extensions_ = std::move(*read);
        settle(result);
    });
    api.get(base + "/reminders", [this, settle, generation = generation_](const ApiResult& result) {
        if (generation != generation_) return;
        if (auto read = result.ok() ? reminders_from_body(result.body) : std::nullopt) history_ = std::move(*read);
        settle(result);
    });
}

bool MyLoanDetail::can_ask() const {
    if (!loan_ || loan_->state != lending::RequestState::on_loan) return false;
    for (const auto& extension : extensions_) {
        if (extension.pending()) return false;
    }
    return state_ == State::loaded;
}

bool MyLoanDetail::ask(ApiClient& api, const lending::LoanRule* rule, const calendar::Date& today) {
    if (!can_ask() || asking_) return false;
    local_refusal_.clear();
    ask_error_ = {};
    latest_due_.reset();
    const auto& due = new_due_.value();
    if (!due) {
        local_refusal_ = "field.required";
        return false;
    }
    if (rule != nullptr) {
        const lending::DueDateLimits limits{rule->max_days, rule->closed_day_due_allowed};
        const auto check = lending::check_extension({loan_->start, loan_->due, *due}, limits, {}, today);
        if (check.refusal) {
            local_refusal_ = check.refusal->reason_key;
            latest_due_ = check.latest_due;
            return false;
        }
    }
    asking_ = true;
    api.send(extension_request(loan_->id, *due, reason), [this, &api, generation = generation_](const ApiResult& result) {
        asking_ = false;
        if (generation != generation_) return;
        accept_ask(result);
        if (result.ok() && loan_) read(api);
    });
    return true;
}

void MyLoanDetail::accept_ask(const ApiResult& result) {
    if (result.ok()) {
        const auto body = nlohmann::json::parse(result.body, nullptr, false);
        const auto extension = body.is_object() ? extension_from_json(body.value("extension", nlohmann::json())) : std::nullopt;
        asked_ = extension ? calendar::format_date(extension->due) : std::string("?");
        new_due_.set(std::nullopt);
        reason.clear();
        return;
    }
    ask_error_ = result.error;
    const auto body = nlohmann::json::parse(result.body, nullptr, false);
    if (body.is_object()) latest_due_ = calendar::parse_date(string_field(body, "latest_due"));
}

std::string MyLoanDetail::ask_error(i18n::Language language) const {
    if (!local_refusal_.empty()) return i18n::text(local_refusal_, language);
    if (ask_error_.code.empty()) return {};
    // The server's reason for the due date is English only; Japanese users read the whole error.
    const auto field = ask_error_.fields.find("due_date");
    if (language == i18n::Language::en && field != ask_error_.fields.end()) return field->second;
    return error_text(ask_error_, language);
}

void MyLoanDetail::take_latest_due() {
    if (!latest_due_) return;
    new_due_.set(*latest_due_);
    local_refusal_.clear();
    ask_error_ = {};
    latest_due_.reset();
}

}  // namespace madoguchi::client
