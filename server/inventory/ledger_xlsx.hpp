#pragma once
// The ledger as an Excel workbook (libxlsxwriter): one sheet 台帳 with the Japanese header row
// in bold, frozen and filtered, columns wide enough for their contents, and contract dates as
// real dates (sortable, filterable by month in Excel).
#include <span>
#include <string>

#include "inventory/ledger_rows.hpp"
#include "store/result.hpp"

namespace madoguchi::server::inventory {

inline constexpr const char* xlsx_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

// The .xlsx file's bytes; an error when libxlsxwriter or the temporary file fails.
store::Result<std::string> ledger_xlsx(madoguchi::inventory::LedgerTable table, std::span<const LedgerRow> rows);

}  // namespace madoguchi::server::inventory
