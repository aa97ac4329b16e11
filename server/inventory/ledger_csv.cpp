#include "inventory/ledger_csv.hpp"

#include "text/csv.hpp"

namespace madoguchi::server::inventory {

std::string ledger_csv(madoguchi::inventory::LedgerTable table, std::span<const LedgerRow> rows) {
    std::string csv = "\xEF\xBB\xBF";
    std::vector<std::string> header;
    for (const auto& column : madoguchi::inventory::ledger_columns(table)) header.emplace_back(column.header_ja);
    csv += text::csv_row(header);
    for (const auto& row : rows) csv += text::csv_row(row);
    return csv;
}

}  // namespace madoguchi::server::inventory
