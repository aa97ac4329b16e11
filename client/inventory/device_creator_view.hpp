#pragma once
// 新規登録: a dialog with the ledger's form, 登録 and キャンセル.
namespace madoguchi::client {

class App;
struct InventoryPage;

void draw_device_creator(App& app, InventoryPage& page);

}  // namespace madoguchi::client
