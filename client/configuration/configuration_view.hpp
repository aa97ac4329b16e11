#pragma once
// 構成管理: the configuration items in the UI kit's table and the detail pane of the one
// picked there (概要, ライセンス, 設定, 文書).
namespace madoguchi::client {

class App;

void draw_configuration_page(App& app);

}  // namespace madoguchi::client
