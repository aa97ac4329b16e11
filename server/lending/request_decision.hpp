#pragma once
// POST /api/v1/lending/requests/{id}/transitions {to, version, reason}: the moves of a loan
// request, each with the version read (stale → 409 stale_version with the request as it is):
//   approved   the rule's approver (else 403 approval_refused): allocates concrete devices of
//              the class (in stock or reserved on other days; at the pickup counter first) and
//              reserves them in the ledger, in one transaction, so two approvals racing for
//              the last device cannot both win (the second: 409 not_available, earliest start)
//              and opens a kitting task per device (kitting_store.hpp)
//   rejected   the rule's approver; the reason is required (422)
//   cancelled  the requester, until handover (else 409 not_cancellable); releases the devices
//              and cancels their open kitting tasks
// A decided request is not decided again (409 request_decided); handover and return are the
// counter's moves (409 transition_refused here). The requester is notified of approval and
// rejection (lending.approved, lending.rejected).
#include <httplib.h>

#include "http/router.hpp"
#include "store/database.hpp"

namespace madoguchi::server::lending {

void transition_request(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
                        const http::RequestContext& context);

}  // namespace madoguchi::server::lending
