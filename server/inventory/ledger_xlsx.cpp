#include "inventory/ledger_xlsx.hpp"

#include <xlsxwriter.h>

#include <algorithm>
#include <fstream>
#include <iterator>

#include "calendar/civil_date.hpp"
#include "store/temporary_file.hpp"

namespace madoguchi::server::inventory {
namespace {

namespace domain = madoguchi::inventory;

constexpr double narrowest = 8.0;
constexpr double widest = 60.0;

bool is_date_column(std::string_view key) { return key == "contract_start" || key == "contract_end"; }

// Excel's column width counts narrow characters; Japanese ones take two.
double display_width(const std::string& text) {
    double width = 0;
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x80) {
            width += 1;
        } else if (byte >= 0xC0) {
            width += 2;
        }
    }
    return width;
}

void write_rows(lxw_workbook* workbook, lxw_worksheet* sheet, domain::LedgerTable table, std::span<const LedgerRow> rows) {
    const auto columns = domain::ledger_columns(table);
    auto* bold = workbook_add_format(workbook);
    format_set_bold(bold);
    auto* date = workbook_add_format(workbook);
    format_set_num_format(date, "yyyy-mm-dd");

    // Widths go before any row: in constant-memory mode rows leave for the file as written.
    for (std::size_t c = 0; c < columns.size(); ++c) {
        double width = display_width(std::string(columns[c].header_ja)) + 3;  // room for the filter button
        for (const auto& row : rows) width = std::max(width, display_width(row[c]) + 1);
        worksheet_set_column(sheet, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                             std::clamp(width, narrowest, widest), nullptr);
    }
    for (std::size_t c = 0; c < columns.size(); ++c) {
        worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c), std::string(columns[c].header_ja).c_str(), bold);
    }
    worksheet_freeze_panes(sheet, 1, 0);
    worksheet_autofilter(sheet, 0, 0, static_cast<lxw_row_t>(rows.size()), static_cast<lxw_col_t>(columns.size() - 1));
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const auto row = static_cast<lxw_row_t>(r + 1);
        for (std::size_t c = 0; c < columns.size(); ++c) {
            const auto& value = rows[r][c];
            if (value.empty()) continue;
            const auto column = static_cast<lxw_col_t>(c);
            if (is_date_column(columns[c].key)) {
                if (const auto day = calendar::parse_date(value)) {
                    lxw_datetime when{day->year, day->month, day->day, 0, 0, 0.0};
                    worksheet_write_datetime(sheet, row, column, &when, date);
                    continue;
                }
            }
            worksheet_write_string(sheet, row, column, value.c_str(), nullptr);
        }
    }
}

}  // namespace

store::Result<std::string> ledger_xlsx(domain::LedgerTable table, std::span<const LedgerRow> rows) {
    store::TemporaryFile file("madoguchi-ledger");
    if (file.path().empty()) return store::Error{"cannot create a temporary file for the workbook"};
    lxw_workbook_options options{};
    options.constant_memory = LXW_TRUE;
    auto* workbook = workbook_new_opt(file.path().c_str(), &options);
    if (workbook == nullptr) return store::Error{"libxlsxwriter cannot start a workbook"};
    auto* sheet = workbook_add_worksheet(workbook, "台帳");
    if (sheet == nullptr) {
        workbook_close(workbook);
        return store::Error{"libxlsxwriter cannot add the sheet"};
    }
    write_rows(workbook, sheet, table, rows);
    if (const auto closed = workbook_close(workbook); closed != LXW_NO_ERROR) {
        return store::Error{std::string("libxlsxwriter: ").append(lxw_strerror(closed))};
    }
    std::ifstream in(file.path(), std::ios::binary);
    std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (!in.good() && !in.eof()) return store::Error{"cannot read the written workbook back"};
    return bytes;
}

}  // namespace madoguchi::server::inventory
