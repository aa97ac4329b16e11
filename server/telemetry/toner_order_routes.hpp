#pragma once
// Toner delivery orders over HTTP (トナーの配送と回収), for the desk and the vendor:
//   GET  /api/v1/telemetry/toner-orders                  list (state, open, device_id; paged)
//   GET  /api/v1/telemetry/toner-orders/{id}             one order
//   POST /api/v1/telemetry/toner-orders/{id}/transitions {"to", "version"}: shipped, delivered, collected
// A vendor sees and moves its own company's orders only; every move is audited.
#include "http/router.hpp"
#include "store/database.hpp"

namespace madoguchi::server::telemetry {

void add_toner_order_routes(http::Router& router, store::SharedDatabase& database);

}  // namespace madoguchi::server::telemetry
