#pragma once
// /api/v1/placement-requests: install / move / remove requests for MFPs and floor printers —
// list and detail (scoped by placement_access.hpp), submit, move along, tick the checklist.
#include "http/router.hpp"
#include "store/database.hpp"

namespace madoguchi::server::placement {

void add_placement_routes(http::Router& router, store::SharedDatabase& database);

}  // namespace madoguchi::server::placement
