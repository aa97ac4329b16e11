#pragma once
// Moving a request along: POST /api/v1/placement-requests/{id}/transitions (accept, reject,
// withdraw, hand to the vendor, report the works done, send back, complete — completion
// changes the ledger in the same transaction) and PATCH …/checklist/{key} (the desk ticks an item).
#include <httplib.h>

#include "http/router.hpp"
#include "store/database.hpp"

namespace madoguchi::server::placement {

void transition_request(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
                        const http::RequestContext& context);
void change_checklist_item(store::SharedDatabase& database, const httplib::Request& request,
                           httplib::Response& response, const http::RequestContext& context);

}  // namespace madoguchi::server::placement
