#pragma once
// /api/v1/tickets: every kind of ticket (shared/tickets), listed, read, opened, moved through
// its workflow, noted, changed and linked.
#include "http/router.hpp"
#include "store/database.hpp"

namespace madoguchi::server::tickets {

void add_ticket_routes(http::Router& router, store::SharedDatabase& database);

}  // namespace madoguchi::server::tickets
