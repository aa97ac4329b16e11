#include "telemetry/billing_export.hpp"

#include <xlsxwriter.h>

#include <fstream>
#include <iterator>
#include <vector>

#include "i18n/catalog.hpp"
#include "store/temporary_file.hpp"
#include "text/csv.hpp"

namespace madoguchi::server::telemetry {
namespace {

std::string japanese(std::string_view key) { return i18n::text(key, i18n::Language::ja); }

std::vector<std::string> device_header() {
    std::vector<std::string> header;
    for (const auto* key : {"month", "division_code", "division_name", "asset_tag", "model", "pages", "resets"}) {
        header.push_back(japanese(std::string("telemetry_extra.billing.column.") + key));
    }
    return header;
}

void write_header(lxw_worksheet* sheet, const std::vector<std::string>& header, lxw_format* bold) {
    for (std::size_t c = 0; c < header.size(); ++c) {
        worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c), header[c].c_str(), bold);
        worksheet_set_column(sheet, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), c == 2 ? 30 : 16, nullptr);
    }
    worksheet_freeze_panes(sheet, 1, 0);
}

void write_devices(lxw_worksheet* sheet, const BillingReport& report, lxw_format* bold, lxw_format* count) {
    write_header(sheet, device_header(), bold);
    const auto month = format_month(report.month);
    lxw_row_t row = 1;
    for (const auto& d : report.devices) {
        worksheet_write_string(sheet, row, 0, month.c_str(), nullptr);
        worksheet_write_string(sheet, row, 1, d.division_code.c_str(), nullptr);
        worksheet_write_string(sheet, row, 2, d.division_name.c_str(), nullptr);
        worksheet_write_string(sheet, row, 3, d.asset_tag.c_str(), nullptr);
        worksheet_write_string(sheet, row, 4, d.model.c_str(), nullptr);
        worksheet_write_number(sheet, row, 5, static_cast<double>(d.pages), count);
        worksheet_write_number(sheet, row, 6, d.resets, nullptr);
        ++row;
    }
    worksheet_autofilter(sheet, 0, 0, row - 1, 6);
}

void write_divisions(lxw_worksheet* sheet, const BillingReport& report, lxw_format* bold, lxw_format* count) {
    std::vector<std::string> header;
    for (const auto* key : {"month", "division_code", "division_name", "pages", "devices"}) {
        header.push_back(japanese(std::string("telemetry_extra.billing.column.") + key));
    }
    write_header(sheet, header, bold);
    const auto month = format_month(report.month);
    lxw_row_t row = 1;
    for (const auto& d : report.divisions) {
        worksheet_write_string(sheet, row, 0, month.c_str(), nullptr);
        worksheet_write_string(sheet, row, 1, d.division_code.c_str(), nullptr);
        worksheet_write_string(sheet, row, 2, d.division_name.c_str(), nullptr);
        worksheet_write_number(sheet, row, 3, static_cast<double>(d.pages), count);
        worksheet_write_number(sheet, row, 4, d.devices, nullptr);
        ++row;
    }
}

void write_contract(lxw_worksheet* sheet, const BillingReport& report, lxw_format* bold, lxw_format* count,
                    lxw_format* share) {
    worksheet_set_column(sheet, 0, 0, 34, nullptr);
    worksheet_set_column(sheet, 1, 1, 16, nullptr);
    const auto label = [&](lxw_row_t row, const char* key) {
        worksheet_write_string(sheet, row, 0, japanese(std::string("telemetry_extra.billing.contract.") + key).c_str(), bold);
    };
    label(0, "month");
    worksheet_write_string(sheet, 0, 1, format_month(report.month).c_str(), nullptr);
    label(1, "as_of");
    worksheet_write_string(sheet, 1, 1, calendar::format_date(report.as_of).c_str(), nullptr);
    label(2, "contract_pages");
    worksheet_write_number(sheet, 2, 1, static_cast<double>(madoguchi::telemetry::contract_pages_per_year), count);
    label(3, "month_pages");
    worksheet_write_number(sheet, 3, 1, static_cast<double>(report.month_pages), count);
    label(4, "year_pages");
    worksheet_write_number(sheet, 4, 1, static_cast<double>(report.year_pages), count);
    label(5, "share_used");
    worksheet_write_number(sheet, 5, 1,
                           static_cast<double>(report.year_pages) /
                               static_cast<double>(madoguchi::telemetry::contract_pages_per_year),
                           share);
    label(6, "projected_year");
    worksheet_write_number(sheet, 6, 1, report.pace.projected_year, count);
    label(7, "status");
    worksheet_write_string(sheet, 7, 1,
                           japanese(madoguchi::telemetry::pace_status_label_key(report.pace.status)).c_str(), nullptr);
}

}  // namespace

std::string billing_csv(const BillingReport& report) {
    std::string csv = "\xEF\xBB\xBF";
    csv += text::csv_row(device_header());
    const auto month = format_month(report.month);
    for (const auto& d : report.devices) {
        const std::vector<std::string> cells{month,
                                             text::formula_guarded(d.division_code),
                                             text::formula_guarded(d.division_name),
                                             text::formula_guarded(d.asset_tag),
                                             text::formula_guarded(d.model),
                                             std::to_string(d.pages),
                                             std::to_string(d.resets)};
        csv += text::csv_row(cells);
    }
    return csv;
}

store::Result<std::string> billing_xlsx(const BillingReport& report) {
    store::TemporaryFile file("madoguchi-billing");
    if (file.path().empty()) return store::Error{"cannot create a temporary file for the workbook"};
    auto* workbook = workbook_new(file.path().c_str());
    if (workbook == nullptr) return store::Error{"libxlsxwriter cannot start a workbook"};
    auto* bold = workbook_add_format(workbook);
    format_set_bold(bold);
    auto* count = workbook_add_format(workbook);
    format_set_num_format(count, "#,##0");
    auto* share = workbook_add_format(workbook);
    format_set_num_format(share, "0.0%");
    auto* devices = workbook_add_worksheet(workbook, japanese("telemetry_extra.billing.sheet.devices").c_str());
    auto* divisions = workbook_add_worksheet(workbook, japanese("telemetry_extra.billing.sheet.divisions").c_str());
    auto* contract = workbook_add_worksheet(workbook, japanese("telemetry_extra.billing.sheet.contract").c_str());
    if (devices == nullptr || divisions == nullptr || contract == nullptr) {
        workbook_close(workbook);
        return store::Error{"libxlsxwriter cannot add the sheets"};
    }
    write_devices(devices, report, bold, count);
    write_divisions(divisions, report, bold, count);
    write_contract(contract, report, bold, count, share);
    if (const auto closed = workbook_close(workbook); closed != LXW_NO_ERROR) {
        return store::Error{std::string("libxlsxwriter: ").append(lxw_strerror(closed))};
    }
    std::ifstream in(file.path(), std::ios::binary);
    std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (!in.good() && !in.eof()) return store::Error{"cannot read the written workbook back"};
    return bytes;
}

}  // namespace madoguchi::server::telemetry
