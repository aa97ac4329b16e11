#pragma once
// POST /api/v1/tickets: the body checked by shared/tickets (ticket_draft.hpp), then in one
// transaction (kept under an Idempotency-Key): who may open the kind, for whom (the desk logs
// phone and counter inquiries on behalf of a requester_login), the linked devices and
// configuration items, the first event, the SLA clock and the audit record.
#include "idempotency/idempotent_route.hpp"

namespace madoguchi::server::tickets {

std::variant<idempotency::Answer, idempotency::Write> prepare_ticket(const httplib::Request& request,
                                                                     const http::RequestContext& context);

}  // namespace madoguchi::server::tickets
