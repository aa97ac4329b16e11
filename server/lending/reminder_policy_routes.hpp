#pragma once
// GET /api/v1/lending/reminder-policies (anyone who reads the lending rules) and
// PUT /api/v1/lending/reminder-policies (admins): {"policies":[{class_code, before_due,
// after_due, send_minute, escalate_after, copy_division_manager, version}]}, the listed
// policies changed together, each audited as loan_reminder_policy.updated; a body of the wrong
// shape → 400, a value check_reminder_policy refuses → 422 naming policies[i].<field>, a stale
// version → 409 stale_version with the policies as they are.
#include <httplib.h>

#include "http/router.hpp"
#include "store/database.hpp"

namespace madoguchi::server::lending {

void list_reminder_policies(store::SharedDatabase& database, const httplib::Request& request,
                            httplib::Response& response, const http::RequestContext& context);
void replace_reminder_policies(store::SharedDatabase& database, const httplib::Request& request,
                               httplib::Response& response, const http::RequestContext& context);

}  // namespace madoguchi::server::lending
