#pragma once
// Tables loan_reminders and loan_reminder_tracks (migration 23): every reminder recorded for a
// loan, and the reminder job's view of each loan (the due date its schedule runs for, since
// when, and the escalation to the IT office). The job reads the loans on loan with their
// reminders and tracks in three queries, not per loan.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "calendar/tokyo_time.hpp"
#include "lending/reminder_schedule.hpp"
#include "store/database.hpp"

namespace madoguchi::server::lending {

enum class ReminderState { sent, superseded };

struct ReminderRecord {
    std::int64_t id = 0;
    std::int64_t request_id = 0;
    std::string key;  // ReminderMoment::key, or manual@<instant>
    madoguchi::lending::ReminderKind kind = madoguchi::lending::ReminderKind::before_due;
    int business_days = 0;  // before or after the due date
    calendar::Date due_date;
    ReminderState state = ReminderState::sent;
    int overdue_number = 0;  // 第N回督促 of a sent overdue reminder; 0 otherwise
    calendar::Instant recorded_at;
    std::string sent_by;  // "system", or the operator's login for a manual one
};

nlohmann::json to_json(const ReminderRecord& record);
// What the schedule needs to know of a recorded reminder.
madoguchi::lending::SentReminder to_sent(const ReminderRecord& record);

struct LoanTrack {
    calendar::Date due_date;
    calendar::Instant schedule_start;
    std::optional<calendar::Instant> escalated_at;
};

// A loan on loan as the job reads it.
struct ActiveLoan {
    std::int64_t id = 0;
    std::string class_code;
    calendar::Date start_date;
    calendar::Date due_date;
};

store::Result<std::vector<ActiveLoan>> loans_on_loan(store::Database& database);
// The reminders of every loan on loan, each loan's in recording order.
store::Result<std::unordered_map<std::int64_t, std::vector<ReminderRecord>>> reminders_on_loan(store::Database& database);
store::Result<std::unordered_map<std::int64_t, LoanTrack>> tracks_on_loan(store::Database& database);

// One loan's reminders in recording order, and its track.
store::Result<std::vector<ReminderRecord>> reminders_of(store::Database& database, std::int64_t request_id);
store::Result<std::optional<LoanTrack>> find_track(store::Database& database, std::int64_t request_id);

// Records the reminder; answers it with its id. The caller holds the transaction.
store::Result<ReminderRecord> insert_reminder(store::Database& database, ReminderRecord record);
store::Status save_track(store::Database& database, std::int64_t request_id, const LoanTrack& track);

}  // namespace madoguchi::server::lending
