#include "inventory/ledger_sheet.hpp"

#include <algorithm>

namespace madoguchi::inventory {
namespace {

std::string trimmed(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return std::string(text);
}

std::span<const std::string_view> required_keys(LedgerTable table) {
    static constexpr std::string_view devices[] = {"asset_tag"};
    static constexpr std::string_view models[] = {"maker", "name", "class"};
    static constexpr std::string_view locations[] = {"building"};
    switch (table) {
        case LedgerTable::devices: return devices;
        case LedgerTable::device_models: return models;
        case LedgerTable::locations: return locations;
    }
    return {};
}

const LedgerColumn* column_of_key(LedgerTable table, std::string_view key) {
    for (const auto& column : ledger_columns(table)) {
        if (column.key == key) return &column;
    }
    return nullptr;
}

// Maps the header; false when a problem keeps the rows from being read.
bool read_header(LedgerSheet& sheet, const text::CsvRecord& header) {
    bool usable = true;
    std::map<std::string_view, std::size_t> seen;
    for (std::size_t index = 0; index < header.fields.size(); ++index) {
        const auto& written = header.fields[index];
        sheet.headers.push_back(written);
        const auto* column = find_ledger_column(sheet.table, written);
        if (column == nullptr) {
            sheet.problems.push_back({header.line, written, written, "import.unknown_column"});
            usable = false;
        } else if (!seen.emplace(column->key, index).second) {
            sheet.problems.push_back({header.line, written, written, "import.duplicate_column"});
            usable = false;
        } else if (column->importable) {
            sheet.positions.emplace(column->key, index);
        }
    }
    for (const auto key : required_keys(sheet.table)) {
        if (sheet.positions.contains(key)) continue;
        const auto* column = column_of_key(sheet.table, key);
        sheet.problems.push_back({header.line, std::string(column->header_ja), "", "import.missing_column"});
        usable = false;
    }
    return usable;
}

}  // namespace

const std::string* LedgerSheet::cell(const text::CsvRecord& row, std::string_view key) const {
    const auto found = positions.find(key);
    if (found == positions.end()) return nullptr;
    return &row.fields[found->second];
}

std::string LedgerSheet::header_of(std::string_view key) const {
    if (const auto found = positions.find(key); found != positions.end()) return headers[found->second];
    const auto* column = column_of_key(table, key);
    return column != nullptr ? std::string(column->header_ja) : std::string(key);
}

LedgerSheet read_ledger_sheet(LedgerTable table, std::string_view utf8_text) {
    LedgerSheet sheet;
    sheet.table = table;
    auto document = text::read_csv(utf8_text);
    for (const auto& error : document.errors) sheet.problems.push_back({error.line, "", "", "import.broken_csv"});
    if (document.records.empty()) {
        if (document.errors.empty()) sheet.problems.push_back({1, "", "", "import.empty_file"});
        return sheet;
    }
    if (!read_header(sheet, document.records.front())) {
        sort_problems(sheet.problems);
        return sheet;
    }
    const auto width = sheet.headers.size();
    const auto notes = sheet.positions.find("notes");
    const auto notes_at = notes == sheet.positions.end() ? width : notes->second;
    sheet.rows.reserve(document.records.size() - 1);
    for (auto record = document.records.begin() + 1; record != document.records.end(); ++record) {
        if (record->fields.size() != width) {
            sheet.problems.push_back({record->line, "", std::to_string(record->fields.size()), "import.field_count"});
            continue;
        }
        // Notes keep their spaces and line breaks; other cells lose the padding Excel users add.
        // The export's formula guard comes off, so an exported file imports back unchanged.
        for (std::size_t index = 0; index < width; ++index) {
            auto& field = record->fields[index];
            if (index != notes_at) field = trimmed(field);
            if (text::formula_unguarded(field).size() != field.size()) field.erase(0, 1);
        }
        sheet.rows.push_back(std::move(*record));
    }
    sort_problems(sheet.problems);
    return sheet;
}

void sort_problems(std::vector<ImportProblem>& problems) {
    std::stable_sort(problems.begin(), problems.end(),
                     [](const ImportProblem& a, const ImportProblem& b) { return a.line < b.line; });
}

}  // namespace madoguchi::inventory
