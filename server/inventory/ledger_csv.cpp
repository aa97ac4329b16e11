#include "inventory/ledger_csv.hpp"

#include "text/csv.hpp"

namespace madoguchi::server::inventory {

std::string ledger_csv(madoguchi::inventory::LedgerTable table, std::span<const LedgerRow> rows) {
    std::string csv = "\xEF\xBB\xBF";
    std::vector<std::string> header;
    for (const auto& column : madoguchi::inventory::ledger_columns(table)) header.emplace_back(column.header_ja);
    csv += text::csv_row(header);
    std::vector<std::string> guarded;
    for (const auto& row : rows) {
        // Every cell: notes, serials and names are typed by people (and by imported files).
        guarded.clear();
        for (const auto& cell : row) guarded.push_back(text::formula_guarded(cell));
        csv += text::csv_row(guarded);
    }
    return csv;
}

}  // namespace madoguchi::server::inventory
