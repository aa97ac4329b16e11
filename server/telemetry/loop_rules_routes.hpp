#pragma once
// The loop rules over HTTP:
//   GET /api/v1/telemetry/rules  the rules every recorded poll cycle applies (desk, IT office, auditors, admins)
//   PUT /api/v1/telemetry/rules  change them all at once (IT office, admins; audited as telemetry_loop_rules.updated):
//       {offline_cycles, lead_time_days, order_at_percent, replacement_rise, window_days, min_days,
//        incident_requester, version}; a stale version → 409 stale_version with the rules as they are,
//       a value out of range → 422 naming each field.
#include "http/router.hpp"
#include "store/database.hpp"

namespace madoguchi::server::telemetry {

void add_loop_rules_routes(http::Router& router, store::SharedDatabase& database);

}  // namespace madoguchi::server::telemetry
