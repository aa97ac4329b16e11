#include "inventory/ledger_export.hpp"

#include "api/query_string.hpp"
#include "inventory/fleet.hpp"
#include "inventory/id_ranges.hpp"

namespace madoguchi::client {
namespace {

std::string ids_of(const std::vector<std::size_t>& rows, const std::vector<DeviceRow>& devices) {
    std::vector<std::int64_t> ids;
    ids.reserve(rows.size());
    for (const auto row : rows) ids.push_back(devices[row].asset.id);
    return inventory::format_id_ranges(std::move(ids));
}

// The server sorts by tag either way; other orders of the table have no server equivalent,
// and the file then comes in tag order.
std::string sort_of(const TableModel& table) {
    const auto sort = table.sort();
    if (!sort || sort->column != fleet_column::tag) return {};
    return sort->direction == SortDirection::ascending ? "asset_tag" : "-asset_tag";
}

LedgerLink refused(std::string key) { return {{}, std::move(key)}; }

}  // namespace

LedgerLink export_link(LedgerFile file, const TableModel& table, const std::vector<DeviceRow>& devices) {
    const std::string path = file == LedgerFile::csv ? "/api/v1/devices/export.csv" : "/api/v1/devices/export.xlsx";
    if (devices.empty() || table.match_count() == 0) return refused("inventory.export.nothing_shown");
    // Without filters the table shows every device the user may see, which the server knows.
    const auto ids = table.filtered() ? ids_of(table.visible_rows(), devices) : std::string();
    auto link = with_query(path, {{"sort", sort_of(table)}, {"ids", ids}});
    if (link.size() > path.size() + longest_id_list) return refused("inventory.export.filter_too_scattered");
    return {std::move(link), {}};
}

LedgerLink labels_link(LabelFile file, const TableModel& table, const std::vector<DeviceRow>& devices) {
    const auto selected = table.selected_rows();
    if (selected.empty()) return refused("inventory.export.select_rows");
    if (selected.size() > most_labels) return refused("inventory.export.too_many_labels");
    const std::string path = file == LabelFile::pdf ? "/api/v1/devices/labels.pdf" : "/api/v1/devices/labels.svg";
    auto link = with_query(path, {{"sort", sort_of(table)}, {"ids", ids_of(selected, devices)}});
    if (link.size() > path.size() + longest_id_list) return refused("inventory.export.filter_too_scattered");
    return {std::move(link), {}};
}

}  // namespace madoguchi::client
