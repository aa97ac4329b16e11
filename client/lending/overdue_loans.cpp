#include "lending/overdue_loans.hpp"

#include <algorithm>

#include "api/form_errors.hpp"
#include "lending/lending_records.hpp"
#include "ui/format.hpp"

namespace madoguchi::client {
namespace {

std::vector<ReminderRecord> reminders_of(const nlohmann::json& list) {
    std::vector<ReminderRecord> reminders;
    if (!list.is_array()) return reminders;
    for (const auto& item : list) {
        if (auto reminder = reminder_from_json(item)) reminders.push_back(std::move(*reminder));
    }
    return reminders;
}

std::string joined(const std::vector<std::string>& texts) {
    std::string result;
    for (const auto& text : texts) result += (result.empty() ? "" : ", ") + text;
    return result;
}

}  // namespace

std::optional<ReminderRecord> reminder_from_json(const nlohmann::json& item) {
    if (!item.is_object() || string_field(item, "key").empty()) return std::nullopt;
    return ReminderRecord{string_field(item, "key"),
                          string_field(item, "kind"),
                          static_cast<int>(integer_field(item, "business_days")),
                          string_field(item, "state"),
                          static_cast<int>(integer_field(item, "overdue_number")),
                          string_field(item, "recorded_at"),
                          string_field(item, "sent_by")};
}

std::optional<std::vector<OverdueLoan>> overdue_from_body(const std::string& body) {
    const auto document = nlohmann::json::parse(body, nullptr, false);
    if (!document.is_object() || !document.contains("loans") || !document["loans"].is_array()) return std::nullopt;
    std::vector<OverdueLoan> loans;
    for (const auto& item : document["loans"]) {
        if (!item.is_object()) continue;
        const auto due = calendar::parse_date(string_field(item, "due_date"));
        if (integer_field(item, "id") <= 0 || !due) continue;
        OverdueLoan loan;
        loan.id = integer_field(item, "id");
        loan.number = string_field(item, "number");
        loan.borrower_name = string_field(item, "borrower_name");
        loan.borrower_login = string_field(item, "borrower_login");
        loan.division_name = string_field(item, "division_name");
        loan.class_code = string_field(item, "class");
        if (const auto tags = item.find("asset_tags"); tags != item.end() && tags->is_array()) {
            for (const auto& tag : *tags) {
                if (tag.is_string()) loan.asset_tags.push_back(tag.get<std::string>());
            }
        }
        loan.due_date = *due;
        loan.business_days_overdue = static_cast<int>(integer_field(item, "business_days_overdue"));
        const auto escalated = item.find("escalated");
        loan.escalated = escalated != item.end() && escalated->is_boolean() && escalated->get<bool>();
        loan.reminders = reminders_of(item.value("reminders", nlohmann::json()));
        loans.push_back(std::move(loan));
    }
    return loans;
}

std::string reminder_text(const ReminderRecord& reminder, i18n::Language language) {
    std::vector<std::string> parts;
    if (reminder.overdue_number > 0) {
        parts.push_back(fill_template(i18n::text("lending.reminder.history.ordinal", language),
                                      {{"number", std::to_string(reminder.overdue_number)}}));
    }
    const auto kind_key = "lending.reminder.kind." + reminder.kind;
    parts.push_back(i18n::has_key(kind_key) ? i18n::text(kind_key, language) : reminder.kind);
    if (reminder.key.rfind("manual@", 0) == 0) {
        parts.push_back(i18n::text("lending_desk.overdue.manual", language));
    } else {
        const auto days_key = reminder.kind == "overdue" ? "lending_desk.overdue.after_days" : "lending_desk.overdue.before_days";
        parts.push_back(fill_template(i18n::text(days_key, language), {{"days", std::to_string(reminder.business_days)}}));
    }
    if (const auto instant = calendar::parse_iso8601(reminder.recorded_at).instant) {
        parts.push_back(format_display_time(*instant, language, false));
    }
    if (!reminder.sent_by.empty()) parts.push_back(reminder.sent_by);
    if (reminder.state == "superseded") parts.push_back(i18n::text("lending.reminder.history.superseded", language));
    std::string text;
    for (const auto& part : parts) {
        if (!text.empty()) text += ' ';
        text += part;
    }
    return text;
}

OverdueLoans::OverdueLoans(i18n::Language language)
    : language_(language),
      table_({{"lending_desk.overdue.column.number", 9.0F, CellAlignment::left, SortKind::text,
               [this](std::size_t row) { return rows_[row].number; }},
              {"lending_desk.overdue.column.borrower", 8.0F, CellAlignment::left, SortKind::text,
               [this](std::size_t row) { return rows_[row].borrower_name; }},
              {"lending_desk.overdue.column.division", 8.0F, CellAlignment::left, SortKind::text,
               [this](std::size_t row) { return rows_[row].division_name; }},
              {"lending_desk.overdue.column.tags", 9.0F, CellAlignment::left, SortKind::text,
               [this](std::size_t row) { return joined(rows_[row].asset_tags); }},
              {"lending_desk.overdue.column.due", 7.0F, CellAlignment::left, SortKind::date,
               [this](std::size_t row) { return calendar::format_date(rows_[row].due_date); }, {},
               [this](std::size_t row) { return rows_[row].due_date; }},
              {"lending_desk.overdue.column.days", 5.0F, CellAlignment::right, SortKind::number,
               [this](std::size_t row) { return std::to_string(rows_[row].business_days_overdue); },
               [this](std::size_t row) { return static_cast<double>(rows_[row].business_days_overdue); }},
              {"lending_desk.overdue.column.reminders", 4.0F, CellAlignment::right, SortKind::number,
               [this](std::size_t row) { return std::to_string(rows_[row].reminders.size()); },
               [this](std::size_t row) { return static_cast<double>(rows_[row].reminders.size()); }},
              {"lending_desk.overdue.column.escalation", 0.0F, CellAlignment::left, SortKind::text,
               [this](std::size_t row) {
                   return i18n::text(rows_[row].escalated ? "lending_desk.overdue.escalated" : "lending_desk.overdue.not_escalated",
                                     language_);
               }}},
             0) {}

void OverdueLoans::set_language(i18n::Language language) {
    if (language == language_) return;
    language_ = language;
    table_.contents_changed();
}

void OverdueLoans::load(ApiClient& api) {
    ++generation_;
    state_ = State::loading;
    // The API's largest page: the most overdue come first, and the view says when there are more.
    api.get("/api/v1/lending/overdue?limit=200", [this, generation = generation_](const ApiResult& result) {
        if (generation == generation_) accept(result);
    });
}

void OverdueLoans::accept(const ApiResult& result) {
    auto loans = result.ok() ? overdue_from_body(result.body) : std::nullopt;
    if (!loans) {
        error_ = result.ok() ? api::make_error("internal") : result.error;
        state_ = State::failed;
        return;
    }
    rows_ = std::move(*loans);
    const auto document = nlohmann::json::parse(result.body, nullptr, false);
    total_ = static_cast<int>(integer_field(document, "total"));
    table_.set_rows(rows_.size());
    error_ = {};
    state_ = State::loaded;
}

void OverdueLoans::open(std::int64_t id) {
    if (opened_ == id) return;
    opened_ = id;
    send_error_ = {};
}

const OverdueLoan* OverdueLoans::opened() const {
    if (!opened_) return nullptr;
    const auto found = std::find_if(rows_.begin(), rows_.end(), [&](const OverdueLoan& row) { return row.id == *opened_; });
    return found == rows_.end() ? nullptr : &*found;
}

bool OverdueLoans::send_reminder(ApiClient& api) {
    const auto* loan = opened();
    if (loan == nullptr || sending_) return false;
    sending_ = true;
    send_error_ = {};
    const auto id = loan->id;
    const auto number = loan->number;
    const auto path = "/api/v1/lending/requests/" + std::to_string(id) + "/reminders";
    api.send({"POST", path, "{}", {}}, [this, &api, id, number, path](const ApiResult& result) {
        sending_ = false;
        if (!result.ok()) {
            send_error_ = result.error;
            return;
        }
        sent_ = number;
        api.get(path, [this, id](const ApiResult& history) { accept_history(id, history); });
    });
    return true;
}

void OverdueLoans::accept_history(std::int64_t id, const ApiResult& result) {
    if (!result.ok()) return;
    const auto document = nlohmann::json::parse(result.body, nullptr, false);
    if (!document.is_object()) return;
    const auto found = std::find_if(rows_.begin(), rows_.end(), [&](const OverdueLoan& row) { return row.id == id; });
    if (found == rows_.end()) return;
    found->reminders = reminders_of(document.value("reminders", nlohmann::json()));
    const auto escalated = document.find("escalated");
    found->escalated = escalated != document.end() && escalated->is_boolean() && escalated->get<bool>();
    table_.contents_changed();
}

std::string OverdueLoans::send_error(i18n::Language language) const {
    return send_error_.code.empty() ? std::string() : error_text(send_error_, language);
}

}  // namespace madoguchi::client
