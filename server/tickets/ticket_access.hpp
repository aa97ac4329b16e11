#pragma once
// Who sees and acts on which ticket, on top of the routes' roles: staff their own tickets,
// managers their division's, vendors those handed to their company; the desk, the IT office,
// auditors and admins all. The workflow's role tables (shared/tickets/workflow.hpp) then
// apply with the roles a user holds FOR THIS ticket: the requester's role only on one's own,
// the vendor's only on one's company's.
#include <vector>

#include "identity/principal.hpp"
#include "tickets/ticket_store.hpp"

namespace madoguchi::server::tickets {

TicketScope scope_of(const identity::Principal& principal);
std::vector<madoguchi::identity::Role> acting_roles(const identity::Principal& principal, const TicketRow& ticket);
// The desk's own people: they read internal notes and their public notes answer the requester.
bool is_desk(const identity::Principal& principal);
// Internal notes are for the desk, and for those who read everything (auditors, admins).
bool sees_internal_notes(const identity::Principal& principal);

}  // namespace madoguchi::server::tickets
