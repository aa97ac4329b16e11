#pragma once
// Anomalies (特異点) over HTTP:
//   GET  /api/v1/telemetry/anomalies?state=open|acknowledged|all  flagged for review (default open)
//   POST /api/v1/telemetry/anomalies/scan                         judge a day now (the desk; default yesterday)
//   POST /api/v1/telemetry/anomalies/{id}/acknowledge             reviewed, with a note (audited)
#include "http/router.hpp"
#include "store/database.hpp"

namespace madoguchi::server::telemetry {

void add_anomaly_routes(http::Router& router, store::SharedDatabase& database);

}  // namespace madoguchi::server::telemetry
