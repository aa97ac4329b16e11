#pragma once
// Firmware compliance over HTTP:
//   GET  /api/v1/telemetry/firmware                                  compliance by model
//   PUT  /api/v1/telemetry/firmware/targets/{model_id}               set a model's target (IT office, admin; audited)
//   POST /api/v1/telemetry/firmware/targets/{model_id}/release-plan  one release plan ticket (リリース管理)
//        listing the devices behind; while one is open for the model and target it is answered again, not duplicated
#include "http/router.hpp"
#include "store/database.hpp"

namespace madoguchi::server::telemetry {

void add_firmware_routes(http::Router& router, store::SharedDatabase& database);

}  // namespace madoguchi::server::telemetry
