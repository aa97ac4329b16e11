#pragma once
// The notifications a ticket's changes send, through the routing (who is told what is
// configuration: notifications/notification_routing.hpp), queued in the change's transaction:
//   ticket.status_changed  the state moved             ticket.assigned  a new assignee
//   vendor.task            handed to a vendor company  security.reported  a security incident
//                                                       was opened (the IT office at once)
//   ticket.escalated       an escalation rule fired (ticket_escalation.hpp)
#include <optional>

#include "audit/audit_log.hpp"
#include "notifications/inbox.hpp"
#include "store/database.hpp"
#include "tickets/escalation.hpp"
#include "tickets/ticket_store.hpp"

namespace madoguchi::server::tickets {

// `before` is empty for a ticket just created; `loan` the loan request it is about, if any
// (a loss report's security incident), which the users' inbox entries then point at too.
store::Status notify_ticket_change(store::Database& database, const std::optional<TicketRow>& before,
                                   const TicketRow& after, const audit::Actor& actor,
                                   const notifications::InboxReference& loan = {});

store::Status notify_escalation(store::Database& database, const TicketRow& ticket,
                                const madoguchi::tickets::EscalationRule& rule, const audit::Actor& actor);

}  // namespace madoguchi::server::tickets
