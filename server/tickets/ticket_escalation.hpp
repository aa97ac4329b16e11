#pragma once
// The escalation sweep (エスカレーション): stores every open ticket's SLA clock again, then
// fires the escalation rules due for each (shared/tickets/escalation.hpp: business days
// only). Each ticket's firing is one transaction: the rule ids recorded in
// ticket_escalations (a rule fires once per ticket, across restarts), escalation_target set
// (the IT office over the vendor), an internal timeline event, the audit record
// ticket.escalated and the notification ticket.escalated through the routing.
// The server runs it every minute (ticket_escalation_job.hpp); tests call it with their "now".
#include <cstdint>

#include "calendar/tokyo_time.hpp"
#include "store/database.hpp"

namespace madoguchi::server::tickets {

struct EscalationSweep {
    std::int64_t clocks_changed = 0;  // tickets whose due instant or flags changed
    std::int64_t rules_fired = 0;
};

store::Result<EscalationSweep> run_escalations(store::Database& database, calendar::Instant now);

}  // namespace madoguchi::server::tickets
