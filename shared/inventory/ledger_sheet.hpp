#pragma once
// A ledger CSV (already decoded to UTF-8) read for import: the header mapped to the ledger's
// columns (ledger_columns.hpp) and the data records, with every problem of the file itself.
// What the rows mean is decided by device_import / catalog_import.
#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "inventory/ledger_columns.hpp"
#include "text/csv.hpp"

namespace madoguchi::inventory {

// One problem the import found, shown to the desk as line, column, value and message.
struct ImportProblem {
    std::size_t line = 0;
    std::string column;      // the header as the file wrote it; "" for the file or a whole line
    std::string value;       // the cell as written (a header for header problems)
    std::string reason_key;  // catalog key: field.* of the validators, or import.*
    friend bool operator==(const ImportProblem&, const ImportProblem&) = default;
};

struct LedgerSheet {
    LedgerTable table = LedgerTable::devices;
    std::vector<std::string> headers;               // as written, by position
    std::map<std::string_view, std::size_t> positions;  // importable column key → position
    std::vector<text::CsvRecord> rows;              // data records with as many fields as headers
    std::vector<ImportProblem> problems;            // file, header and field-count problems

    // The cell of the column `key`, trimmed of spaces; nullptr when the file has no such column.
    const std::string* cell(const text::CsvRecord& row, std::string_view key) const;
    // The header the file wrote for `key`, or the Japanese one when the file has none.
    std::string header_of(std::string_view key) const;
};

// Problems found here: import.broken_csv (quoting; the record is dropped), import.empty_file,
// import.unknown_column, import.duplicate_column, import.missing_column (asset tag for
// devices, maker/name/class for models, building for locations), import.field_count. With a
// header problem no rows are read.
LedgerSheet read_ledger_sheet(LedgerTable table, std::string_view utf8_text);

// Problems in file order (line, then as found).
void sort_problems(std::vector<ImportProblem>& problems);

}  // namespace madoguchi::inventory
