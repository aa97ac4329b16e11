#pragma once
// The reminder run (返却督促): for every loan on loan, asks the schedule
// (shared/lending/reminder_schedule.hpp) what is due at `now` under its class's policy and
// records it, each loan in its own transaction: the reminder sent and the moments it stands in
// for (superseded), audited as lending.reminded by system with the notification queued; the
// escalation to the IT office once per loan (loan_reminder_tracks.escalated_at), audited as
// lending.escalated. Loans are read in bulk and only those with something due open a write
// transaction, where they are read again, so two runs never record one moment twice.
// The server runs it every few minutes (reminder_job.hpp); tests call it with their "now".
//
// The schedule of a loan starts at its start date (Tokyo midnight); when the job first sees a
// moved due date (an extension), the schedule for the new date starts then.
#include <cstdint>

#include "audit/audit_log.hpp"
#include "calendar/tokyo_time.hpp"
#include "lending/reminder_store.hpp"
#include "lending/request_store.hpp"
#include "store/database.hpp"

namespace madoguchi::server::lending {

struct ReminderSweep {
    std::int64_t loans = 0;       // loans on loan looked at
    std::int64_t sent = 0;        // reminders sent
    std::int64_t superseded = 0;  // passed moments recorded unsent
    std::int64_t escalated = 0;
};

store::Result<ReminderSweep> run_reminders(store::Database& database, calendar::Instant now);

// Business days after `from` up to and including `to`; negative, counting back, when `to` is
// before `from` (business days left until a due date).
int business_days_between(const calendar::Date& from, const calendar::Date& to);

// Records one reminder of the loan sent now by `actor` and tells the borrower (the manual
// "send now": key manual@<now>, the kind it has by the due date, counted like a scheduled one).
store::Result<ReminderRecord> send_manual_reminder(store::Database& database, const LoanRequestRow& loan,
                                                   const audit::Actor& actor, calendar::Instant now);

}  // namespace madoguchi::server::lending
