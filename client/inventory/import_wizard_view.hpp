#pragma once
// The 取り込み wizard drawn in place of 台帳's table: table choice, file pick, the dry run's
// counts, problems and planned rows, and the commit with a busy indicator.
namespace madoguchi::client {

class App;
struct InventoryPage;

void draw_import_wizard(App& app, InventoryPage& page);

}  // namespace madoguchi::client
