#pragma once
// What a reminder and an escalation tell, and whom: lending.reminder_before_due and
// lending.reminder_overdue go to the borrower through the routing (and, when the class's
// policy says so, an overdue one to the managers of the borrower's division as a copy);
// lending.escalated goes through the routing to the IT office with the loan's reminder history
// in the body. Written in the caller's transaction, as every notification.
#include <cstdint>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "audit/audit_log.hpp"
#include "lending/reminder_store.hpp"
#include "lending/request_store.hpp"
#include "store/database.hpp"

namespace madoguchi::server::lending {

// The enabled managers of each division, read once per division: a run that reminds thousands
// of loans would otherwise walk a division's whole staff for every loan of it. Kept for one
// reminder run (seconds), so a manager added meanwhile is copied from the next run on.
class DivisionManagers {
public:
    struct Manager {
        std::int64_t user_id = 0;
        std::string login;
        std::string email;  // empty: the manager is told in the app only
    };
    store::Result<const std::vector<Manager>*> of(store::Database& database, const std::string& division_code);

private:
    std::unordered_map<std::string, std::vector<Manager>> known_;
};

store::Status notify_reminder(store::Database& database, const LoanRequestRow& loan, const ReminderRecord& reminder,
                              bool copy_manager, const audit::Actor& actor, DivisionManagers& managers);

// `overdue_days`: business days past the due date today.
store::Status notify_escalation(store::Database& database, const LoanRequestRow& loan,
                                std::span<const ReminderRecord> history, int overdue_days, const audit::Actor& actor);

}  // namespace madoguchi::server::lending
