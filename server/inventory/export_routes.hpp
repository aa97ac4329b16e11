#pragma once
// The ledger leaving the system: CSV of devices, models and locations (for Excel and for the
// import), the devices as an XLSX workbook, and QR label sheets (SVG, PDF) of chosen devices.
// Reading only, so not audited; the request log records each download as usual.
#include <filesystem>

#include "http/router.hpp"
#include "store/database.hpp"

namespace madoguchi::server::inventory {

// Add before add_device_routes: /api/v1/devices/{id} would take these paths otherwise.
// `web_dir` is the web app's, whose font the PDF labels are set in (label_font.hpp).
void add_export_routes(http::Router& router, store::SharedDatabase& database, const std::filesystem::path& web_dir);

}  // namespace madoguchi::server::inventory
