#pragma once
// The ledger leaving the system: CSV of devices, models and locations (for Excel and for the
// import), the devices as an XLSX workbook, and QR label sheets (SVG) of chosen devices.
// Reading only, so not audited; the request log records each download as usual.
#include "http/router.hpp"
#include "store/database.hpp"

namespace madoguchi::server::inventory {

// Add before add_device_routes: /api/v1/devices/{id} would take these paths otherwise.
void add_export_routes(http::Router& router, store::SharedDatabase& database);

}  // namespace madoguchi::server::inventory
