#pragma once
// POST /api/v1/tickets: the body checked by shared/tickets (ticket_draft.hpp), then in one
// transaction (kept under an Idempotency-Key): who may open the kind, for whom (the desk logs
// phone and counter inquiries on behalf of a requester_login), the linked devices and
// configuration items, the first event, the SLA clock and the audit record.
#include "audit/audit_log.hpp"
#include "idempotency/idempotent_route.hpp"
#include "identity/principal.hpp"
#include "notifications/inbox.hpp"
#include "tickets/ticket_draft.hpp"
#include "tickets/ticket_store.hpp"

namespace madoguchi::server::tickets {

// A new ticket as checked by validate(): its draft, the values that follow and what it names.
struct Creation {
    madoguchi::tickets::TicketDraft draft;
    madoguchi::tickets::TicketBasics basics;
    std::vector<std::int64_t> device_ids;
    std::vector<std::int64_t> item_ids;
    std::optional<std::string> requester_login;
    // The loan request the ticket is opened about (a loss report's security incident): the
    // inbox entries its creation sends point at the loan beside the ticket.
    notifications::InboxReference loan;
};

// Writes the ticket in the caller's transaction: whether `principal` may open it and for whom,
// the links, the first event and the SLA clock. A refusal is the answer to send; otherwise the
// stored ticket, not yet audited (the caller records what it created, with its own context).
store::Result<std::variant<idempotency::Answer, TicketRow>> write_ticket(store::Database& database,
                                                                        const Creation& creation,
                                                                        const identity::Principal& principal,
                                                                        const audit::Actor& actor,
                                                                        calendar::Instant now);

std::variant<idempotency::Answer, idempotency::Write> prepare_ticket(const httplib::Request& request,
                                                                     const http::RequestContext& context);

}  // namespace madoguchi::server::tickets
