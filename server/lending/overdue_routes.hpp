#pragma once
// GET /api/v1/lending/overdue?limit=&offset= (the desk, the IT office, auditors; managers
// their division's): {"loans":[…], "total"}, most overdue first (overdue_store.hpp).
#include <httplib.h>

#include "http/router.hpp"
#include "store/database.hpp"

namespace madoguchi::server::lending {

void list_overdue_loans(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
                        const http::RequestContext& context);

}  // namespace madoguchi::server::lending
