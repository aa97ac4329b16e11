#pragma once
// The month's billing as files for invoice checks: CSV for Excel on Japanese Windows (UTF-8
// with a byte order mark, CRLF, cells guarded against formulas), one row per device; and an
// XLSX workbook with a sheet per device, per division and the contract's pace.
#include <string>

#include "store/result.hpp"
#include "telemetry/billing_store.hpp"

namespace madoguchi::server::telemetry {

std::string billing_csv(const BillingReport& report);

// The .xlsx file's bytes; an error when libxlsxwriter or the temporary file fails.
store::Result<std::string> billing_xlsx(const BillingReport& report);

}  // namespace madoguchi::server::telemetry
