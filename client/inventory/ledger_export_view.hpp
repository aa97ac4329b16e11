#pragma once
// 台帳's download row: CSV出力, Excel出力 (what the table shows) and ラベル印刷 (the selected
// rows), each disabled with the reason beside it when it cannot be offered.
namespace madoguchi::client {

class App;
struct InventoryPage;

void draw_ledger_downloads(App& app, InventoryPage& page);

}  // namespace madoguchi::client
