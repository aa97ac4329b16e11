#pragma once
// The security incident a loss report opens through the ticket engine (tickets/ticket_create.hpp):
// in the borrower's name, linked to the device, its text in Japanese from the report (with the
// remote-wipe request for a GSS terminal). The engine queues security.reported to the IT
// office at once; this records the ticket's creation in the audit trail.
#include "audit/audit_log.hpp"
#include "idempotency/idempotent_route.hpp"
#include "identity/principal.hpp"
#include "lending/loss_store.hpp"
#include "tickets/ticket_store.hpp"

namespace madoguchi::server::lending {

// A refusal of the ticket engine (the answer to send), or the stored ticket.
store::Result<std::variant<idempotency::Answer, tickets::TicketRow>> open_security_incident(
    store::Database& database, const LossReportRow& report, const identity::Principal& principal,
    const audit::Actor& actor, calendar::Instant now);

}  // namespace madoguchi::server::lending
