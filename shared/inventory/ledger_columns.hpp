#pragma once
// The ledger's columns in CSV and spreadsheet files: one list serves export (the Japanese
// header) and import (which also accepts the English header and the names kintone and the
// old spreadsheets used), so a file the desk exports can be edited and imported again.
#include <span>
#include <string_view>

namespace madoguchi::inventory {

struct LedgerColumn {
    std::string_view key;        // the JSON field name it maps to ("asset_tag", "model", …)
    std::string_view header_ja;  // written on export
    std::string_view header_en;
    std::span<const std::string_view> aliases;  // further headers accepted on import
    bool importable = true;      // false: written for people (e.g. a custodian's name), ignored on import
};

enum class LedgerTable { devices, device_models, locations };

std::span<const LedgerColumn> ledger_columns(LedgerTable table);

// The column a header names, matched without regard to case, width or surrounding spaces
// (fold_for_search); nullptr when none.
const LedgerColumn* find_ledger_column(LedgerTable table, std::string_view header);

}  // namespace madoguchi::inventory
