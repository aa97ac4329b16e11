#pragma once
// The ledger as CSV for Excel on Japanese Windows and for the import: UTF-8 with a byte order
// mark (without it Excel reads Shift_JIS), the Japanese header row, CRLF, RFC 4180 quoting,
// cells guarded against formula injection (text::formula_guarded; the import undoes it).
#include <span>
#include <string>

#include "inventory/ledger_rows.hpp"

namespace madoguchi::server::inventory {

inline constexpr const char* ledger_csv_type = "text/csv; charset=utf-8";

std::string ledger_csv(madoguchi::inventory::LedgerTable table, std::span<const LedgerRow> rows);

}  // namespace madoguchi::server::inventory
