#pragma once
// Billing over HTTP (the desk, the IT office, auditors):
//   GET /api/v1/telemetry/billing?month=YYYY-MM       the month's pages and the contract's pace
//   GET /api/v1/telemetry/billing.csv?month=YYYY-MM   per device, for invoice checks in Excel
//   GET /api/v1/telemetry/billing.xlsx?month=YYYY-MM  per device, per division, the contract
#include "http/router.hpp"
#include "store/database.hpp"

namespace madoguchi::server::telemetry {

void add_billing_routes(http::Router& router, store::SharedDatabase& database);

}  // namespace madoguchi::server::telemetry
