#pragma once
// POST /api/v1/imports/{devices|device-models|locations}?dry_run=1|0: a ledger CSV (the
// file's bytes: UTF-8 with or without BOM, or Shift_JIS/CP932) checked row by row, and
// with dry_run=0 written all at once or not at all.
#include "http/router.hpp"
#include "store/database.hpp"

namespace madoguchi::server::inventory {

// Larger than any ledger the ministry keeps (40,000 devices take about 6 MB).
inline constexpr std::size_t max_import_bytes = 20 * 1024 * 1024;

void add_import_routes(http::Router& router, store::SharedDatabase& database);

}  // namespace madoguchi::server::inventory
