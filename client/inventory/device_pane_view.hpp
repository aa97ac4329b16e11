#pragma once
// 台帳's detail pane: the device's heading, the notice when someone else changed it first,
// and the tabs 詳細 (fields and state changes), 編集 (operators and admins) and 履歴.
namespace madoguchi::client {

class App;
struct InventoryPage;

void draw_device_pane(App& app, InventoryPage& page, bool may_edit);

}  // namespace madoguchi::client
