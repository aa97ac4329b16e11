#pragma once
// GET /api/v1/tickets/trends and …/trends.csv: the trend input for the periodic report
// (shared/tickets/ticket_trends.hpp) for the desk, the IT office, auditors and admins. Add
// before the ticket routes, whose /api/v1/tickets/{id} would take these paths.
#include "http/router.hpp"
#include "store/database.hpp"

namespace madoguchi::server::tickets {

void add_ticket_trend_routes(http::Router& router, store::SharedDatabase& database);

}  // namespace madoguchi::server::tickets
