#pragma once
// 貸出期間の延長 (extensions):
//   GET  /api/v1/lending/requests/{id}/extensions   whoever sees the request
//   POST /api/v1/lending/requests/{id}/extensions {due_date, reason}   the borrower, while on
//        loan and with no other extension waiting (else 409 extension_refused). Checked by
//        shared/lending/extension.hpp against the class's rule (maximum period from the start,
//        closed days) and the devices' reservations by others after the current due date: a
//        refusal is 422 naming due_date with latest_due, the latest date that would pass.
//   POST /api/v1/lending/requests/{id}/extensions/{eid}/decision {decision: approve|reject,
//        reason}   the class's approver (else 403 approval_refused); a rejection needs a
//        reason. Approval checks again and moves the request's due date, so the allocation
//        holds the devices to the new date and reminders follow it. The borrower is told
//        (lending.extension_approved, lending.extension_rejected). Each step is audited.
#include <httplib.h>

#include "http/router.hpp"
#include "store/database.hpp"

namespace madoguchi::server::lending {

void list_extensions(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
                     const http::RequestContext& context);
void ask_extension(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
                   const http::RequestContext& context);
void decide_on_extension(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
                         const http::RequestContext& context);

}  // namespace madoguchi::server::lending
