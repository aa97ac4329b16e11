#pragma once
// What a reminder and an escalation tell, and whom: lending.reminder_before_due and
// lending.reminder_overdue go to the borrower through the routing (and, when the class's
// policy says so, an overdue one to the managers of the borrower's division as a copy);
// lending.escalated goes through the routing to the IT office with the loan's reminder history
// in the body. Written in the caller's transaction, as every notification.
#include <span>

#include "audit/audit_log.hpp"
#include "lending/reminder_store.hpp"
#include "lending/request_store.hpp"
#include "store/database.hpp"

namespace madoguchi::server::lending {

store::Status notify_reminder(store::Database& database, const LoanRequestRow& loan, const ReminderRecord& reminder,
                              bool copy_manager, const audit::Actor& actor);

// `overdue_days`: business days past the due date today.
store::Status notify_escalation(store::Database& database, const LoanRequestRow& loan,
                                std::span<const ReminderRecord> history, int overdue_days, const audit::Actor& actor);

}  // namespace madoguchi::server::lending
