#pragma once
// 返却督促 (return reminders) of one loan, as a pure schedule the server's reminder job asks at
// each run: the policy is data per device class, the sent reminders are passed back in, so a
// run decides from the record alone and running twice sends nothing twice.
//
// Decisions the desk works by:
// - Reminders go out on business days only (shared/calendar), at the policy's time of day in
//   Tokyo; "2 business days before" and "+3 business days after" skip closed days, so no
//   reminder is sent on, and no step is counted for, a Saturday, a holiday or 12/29–1/3.
// - A run that finds several moments passed without a reminder (the job was down) sends only
//   the latest one; the earlier ones are returned as superseded,
//   for the server to record unsent. The borrower gets one up-to-date reminder, not a burst of
//   stale ones, and the superseded overdue steps still count towards the escalation, so an
//   outage delays the escalation by no more than the outage itself.
// - Only overdue reminders (after the due date: 未返却品の返却督促) count towards the
//   escalation to the IT office; the notice before the due date is a courtesy.
// - The IT office takes over at the first sending time on the business day after the N-th
//   overdue reminder: the borrower has that day to answer the last reminder.
// - An extension moves the due date: the moments follow the new date (a moment is identified
//   by its step and the due date it was computed for), moments before the extension are not
//   sent, and the overdue reminders already sent stay counted.
// - An operator's "send reminder now" is recorded with a key of its own ("manual@<instant>")
//   and the kind it has by the due date; it counts like a scheduled one of its kind and does
//   not take the place of the schedule's next moment.
#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "calendar/civil_date.hpp"
#include "calendar/tokyo_time.hpp"
#include "validation/field_problem.hpp"

namespace madoguchi::lending {

enum class ReminderKind {
    before_due,  // 返却期限の事前案内
    overdue,     // 返却督促
};

std::string_view reminder_kind_name(ReminderKind kind);  // "before_due", "overdue"
std::optional<ReminderKind> parse_reminder_kind(std::string_view name);
// Catalog key "lending.reminder.kind.<name>".
std::string_view reminder_kind_label_key(ReminderKind kind);

// The reminder settings of one device class.
struct ReminderPolicy {
    std::string class_code;
    std::vector<int> before_due;  // business days before the due date, e.g. {2}
    std::vector<int> after_due;   // business days after it, e.g. {1, 3, 7}
    int send_minute = 9 * 60;     // time of day in Tokyo the reminders go out
    int escalate_after = 3;       // overdue reminders before the IT office takes over; 0: never
    bool copy_division_manager = false;  // overdue reminders also go to the borrower's manager
};

// The desk's defaults for the five loanable classes; admins change them per class.
std::span<const ReminderPolicy> default_reminder_policies();
const ReminderPolicy* find_reminder_policy(std::span<const ReminderPolicy> policies, std::string_view class_code);

// {"class_code","before_due":[2],"after_due":[1,3,7],"send_minute":540,"escalate_after":3,
// "copy_division_manager":true}: as stored and edited by admins. Reading checks the shape
// only (every member, of its type); check_reminder_policy checks the values.
nlohmann::json to_json(const ReminderPolicy& policy);
std::optional<ReminderPolicy> reminder_policy_from_json(const nlohmann::json& json);

// Reason keys: lending.reminder.invalid_days (each 1–60, ascending, no repeats),
// lending.reminder.invalid_send_time (00:00–23:59), lending.reminder.invalid_escalation
// (0 to the number of overdue steps, else it could never be reached). Fields before_due,
// after_due, send_minute, escalate_after.
std::vector<validation::FieldProblem> check_reminder_policy(const ReminderPolicy& policy);

// The business day `count` business days after `date` (before it when count < 0); `date`
// itself need not be a business day. count 0 is the date itself.
calendar::Date business_day_offset(const calendar::Date& date, int count);

struct ReminderMoment {
    ReminderKind kind;
    int business_days;       // before or after the due date
    calendar::Date due;      // the due date it was computed for
    calendar::Instant at;    // a business day at the policy's send time
    // "overdue+3@2027-05-06": stable, stored with the reminder once sent.
    std::string key() const;
    friend bool operator==(const ReminderMoment&, const ReminderMoment&) = default;
};

// Every moment for a loan due on `due`, in time order.
std::vector<ReminderMoment> reminder_moments(const ReminderPolicy& policy, const calendar::Date& due);

// A reminder the server recorded: delivered, or superseded by a later one in the same run.
struct SentReminder {
    std::string key;  // ReminderMoment::key
    ReminderKind kind;
    calendar::Instant at;  // when it was recorded
    bool superseded = false;
};

struct LoanReminderState {
    calendar::Date due;                  // the current due date (Tokyo)
    // The handover, or the last extension: earlier moments are not sent for this due date.
    calendar::Instant schedule_start;
    std::span<const SentReminder> sent;  // every reminder recorded for the loan, any due date
    bool escalated = false;
};

struct ReminderRun {
    std::optional<ReminderMoment> send;        // the one reminder to send now
    std::vector<ReminderMoment> superseded;    // passed moments the reminder stands in for
    int overdue_number = 0;   // the overdue reminder's ordinal (第N回督促), counting superseded ones
    bool copy_manager = false;
    bool escalate = false;    // hand the loan to the IT office now
};

// Overdue reminders recorded for the loan (sent or superseded), whatever their due date.
int overdue_reminders_counted(std::span<const SentReminder> sent);

// When the IT office takes over: empty while fewer than escalate_after overdue reminders are
// recorded, or when the policy never escalates.
std::optional<calendar::Instant> escalation_moment(const ReminderPolicy& policy, std::span<const SentReminder> sent);

// What a run at `now` does for one open loan. Nothing is sent outside a sending time (a
// business day at or after the send time).
ReminderRun reminders_due(const ReminderPolicy& policy, const LoanReminderState& loan, calendar::Instant now);

}  // namespace madoguchi::lending
