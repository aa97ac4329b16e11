#pragma once
// 台帳's downloads: CSV出力 and Excel出力 export what the table shows (every device the user
// may see, or the rows its filters leave, named by id), and ラベル印刷 prints the QR labels
// of the selected rows (PDF, what desks print from; SVG for the browser). Here the links are
// built and checked; the view offers them.
#include <string>
#include <vector>

#include "inventory/device_row.hpp"
#include "ui/table_model.hpp"

namespace madoguchi::client {

enum class LedgerFile { csv, xlsx };
enum class LabelFile { pdf, svg };

// A download, or why there is none (a catalog key the view shows in place of the action).
struct LedgerLink {
    std::string path;         // same-origin path for App::download; empty when not possible
    std::string problem_key;  // set exactly when path is empty
};

// Longest "ids=…" a link carries: the server reads request lines up to 8 KiB.
inline constexpr std::size_t longest_id_list = 6000;
inline constexpr std::size_t most_labels = 1000;  // as the server prints at once

// `devices` are the table's rows by row number.
LedgerLink export_link(LedgerFile file, const TableModel& table, const std::vector<DeviceRow>& devices);
LedgerLink labels_link(LabelFile file, const TableModel& table, const std::vector<DeviceRow>& devices);

}  // namespace madoguchi::client
