#pragma once
// POST /api/v1/lending/requests/{id}/reminders (the desk): sends the borrower a reminder now,
// audited, 201 with it; 409 not_on_loan when the request is not on loan.
// GET /api/v1/lending/requests/{id}/reminders: the loan's reminder history, oldest first, for
// whoever sees the request (staff their own; another's is a 404).
#include <httplib.h>

#include "http/router.hpp"
#include "store/database.hpp"

namespace madoguchi::server::lending {

void send_reminder_now(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
                       const http::RequestContext& context);
void reminder_history(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
                      const http::RequestContext& context);

}  // namespace madoguchi::server::lending
