#pragma once
// GET /api/v1/lending/rules (anyone signed in: the request form shows them) and
// PUT /api/v1/lending/rules (admins): {"rules":[{class, max_days, approver, holding_limit,
// overdue_blocks, closed_day_due_allowed, version}]}, the listed rules changed together;
// a stale version → 409 stale_version with the rules as they are, a bad value → 422.
#include <httplib.h>

#include "http/router.hpp"
#include "store/database.hpp"

namespace madoguchi::server::lending {

void list_rules(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
                const http::RequestContext& context);
void replace_rules(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
                   const http::RequestContext& context);

}  // namespace madoguchi::server::lending
