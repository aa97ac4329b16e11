#pragma once
// The rated speed of each printer model over HTTP:
//   GET /api/v1/telemetry/model-speeds       every printer model's pages per minute as entered,
//                                            and the bound billing and the anomaly check apply
//   PUT /api/v1/telemetry/model-speeds/{id}  {pages_per_minute: 1–300, or null for the fleet's
//                                            fastest} (IT office, admins; audited as
//                                            telemetry_model_speed.set; 422 model_not_printer
//                                            for a model that is not a printer's)
#include "http/router.hpp"
#include "store/database.hpp"

namespace madoguchi::server::telemetry {

void add_model_speed_routes(http::Router& router, store::SharedDatabase& database);

}  // namespace madoguchi::server::telemetry
