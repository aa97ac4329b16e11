#pragma once
// 台帳: the whole fleet in the UI kit's table (sort, column filters, selection) after a load
// with progress, and the detail pane of the device picked there.
namespace madoguchi::client {

class App;

void draw_inventory_page(App& app);

}  // namespace madoguchi::client
