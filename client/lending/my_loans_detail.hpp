#pragma once
// One of 自分の貸出 opened: its extensions (asked, approved, rejected) and the reminders sent
// about it, and the borrower's ask for a later due date (延長申請). The ask is checked with the
// shared rule the server runs (not later than the current due date, in the past, a closed day,
// beyond the class's longest period); a refusal from the server (another reservation after
// the due date) names the latest due date it would accept, taken with one click.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "api/api_client.hpp"
#include "lending/extension_records.hpp"
#include "lending/lending_records.hpp"
#include "ui/date_field_model.hpp"

namespace madoguchi::client {

// Overdue (延滞): on loan and the due date has passed.
bool overdue(const LoanRequestRecord& loan, const calendar::Date& today);

// A reminder sent about a loan, as GET /lending/requests/{id}/reminders lists them.
struct ReminderEntry {
    std::string kind;  // "before_due" | "overdue"
    int overdue_number = 0;  // 第N回督促 of an overdue reminder
    std::string recorded_at;  // UTC ISO 8601
    std::string sent_by;      // "system" or the operator's login
};

struct ReminderHistory {
    std::vector<ReminderEntry> reminders;  // sent ones only, oldest first
    bool escalated = false;                // handed to the IT office
};

std::optional<ReminderHistory> reminders_from_body(const std::string& body);
// "2026-12-11 10:00 返却督促（第1回）" in the user's language, the time in Tokyo.
std::string reminder_text(const ReminderEntry& reminder, i18n::Language language);

class MyLoanDetail {
public:
    enum class State { closed, loading, loaded, failed };

    // Opens the loan and reads its extensions and reminders.
    void open(ApiClient& api, const LoanRequestRecord& loan);
    void close();
    // The loan as listed again (a new due date after an approval); ignored for another one.
    void refresh(const LoanRequestRecord& loan);
    const LoanRequestRecord* loan() const { return loan_ ? &*loan_ : nullptr; }
    State state() const { return state_; }
    const api::ApiError& error() const { return error_; }
    const std::vector<ExtensionRecord>& extensions() const { return extensions_; }
    const ReminderHistory& history() const { return history_; }

    // Whether an extension may be asked for now: on loan and none waiting for a decision.
    bool can_ask() const;
    DateFieldModel& new_due() { return new_due_; }
    std::string reason;
    // Checks the ask with the shared rule (the class's `rule`, null when unknown) and sends it;
    // false when it was refused here and nothing went out.
    bool ask(ApiClient& api, const lending::LoanRule* rule, const calendar::Date& today);
    bool asking() const { return asking_; }
    // Why the ask is refused (here or by the server); empty when it is not.
    std::string ask_error(i18n::Language language) const;
    // The latest due date the rule (or the server) would accept, after a refusal.
    const std::optional<calendar::Date>& latest_due() const { return latest_due_; }
    void take_latest_due();
    // Once: the due date just asked for, for the toast.
    std::string take_asked() { return std::exchange(asked_, {}); }

private:
    void read(ApiClient& api);
    void accept_ask(const ApiResult& result);

    State state_ = State::closed;
    std::uint64_t generation_ = 0;
    std::optional<LoanRequestRecord> loan_;
    api::ApiError error_;
    std::vector<ExtensionRecord> extensions_;
    ReminderHistory history_;
    int waiting_ = 0;  // of the two reads
    DateFieldModel new_due_;
    bool asking_ = false;
    std::string local_refusal_;  // a catalog key
    api::ApiError ask_error_;
    std::optional<calendar::Date> latest_due_;
    std::string asked_;
};

}  // namespace madoguchi::client
