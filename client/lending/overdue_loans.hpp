#pragma once
// 未返却一覧 (the overdue list): loans on loan past their due date, most overdue first, with
// the borrower, division, devices, business days overdue, whether the IT office has taken
// over (escalated), and each loan's reminder history (第N回, sent or passed while the job
// was down). The desk can send a reminder now; the history is read again once it is sent.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "api/api_client.hpp"
#include "calendar/civil_date.hpp"
#include "i18n/catalog.hpp"
#include "ui/table_model.hpp"

namespace madoguchi::client {

struct ReminderRecord {
    std::string key;   // "overdue+3@2027-05-06", "manual@…"
    std::string kind;  // "before_due" | "overdue"
    int business_days = 0;
    std::string state;  // "sent" | "superseded"
    int overdue_number = 0;
    std::string recorded_at;  // ISO instant (UTC)
    std::string sent_by;
};

struct OverdueLoan {
    std::int64_t id = 0;  // the loan request's
    std::string number;
    std::string borrower_name;
    std::string borrower_login;
    std::string division_name;
    std::string class_code;
    std::vector<std::string> asset_tags;
    calendar::Date due_date;
    int business_days_overdue = 0;
    bool escalated = false;
    std::vector<ReminderRecord> reminders;
};

std::optional<ReminderRecord> reminder_from_json(const nlohmann::json& reminder);
// {"loans":[…],"total":N} of GET /lending/overdue.
std::optional<std::vector<OverdueLoan>> overdue_from_body(const std::string& body);
// "第2回 返却督促（+3営業日） 2026-12-04 09:00 system", in `language`.
std::string reminder_text(const ReminderRecord& reminder, i18n::Language language);

class OverdueLoans {
public:
    enum class State { idle, loading, loaded, failed };

    explicit OverdueLoans(i18n::Language language);
    OverdueLoans(const OverdueLoans&) = delete;
    OverdueLoans& operator=(const OverdueLoans&) = delete;

    void load(ApiClient& api);
    void accept(const ApiResult& result);
    State state() const { return state_; }
    const api::ApiError& error() const { return error_; }
    const std::vector<OverdueLoan>& rows() const { return rows_; }
    int total() const { return total_; }
    TableModel& table() { return table_; }
    void set_language(i18n::Language language);

    void open(std::int64_t id);
    const OverdueLoan* opened() const;

    // POST …/requests/{id}/reminders for the opened loan, then its history read again.
    bool send_reminder(ApiClient& api);
    bool sending() const { return sending_; }
    std::string send_error(i18n::Language language) const;
    // Once: the loan number the reminder just went to.
    std::string take_sent() { return std::exchange(sent_, {}); }

private:
    void accept_history(std::int64_t id, const ApiResult& result);

    i18n::Language language_;
    State state_ = State::idle;
    std::uint64_t generation_ = 0;
    api::ApiError error_;
    std::vector<OverdueLoan> rows_;
    int total_ = 0;
    TableModel table_;
    std::optional<std::int64_t> opened_;
    bool sending_ = false;
    api::ApiError send_error_;
    std::string sent_;
};

}  // namespace madoguchi::client
