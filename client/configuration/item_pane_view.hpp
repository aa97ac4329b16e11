#pragma once
// The detail pane's heading and tabs: 概要 (the form, or the fields for readers), ライセンス
// (software), 設定 and 文書.
namespace madoguchi::client {

class App;
struct ConfigurationPage;

void draw_item_pane(App& app, ConfigurationPage& page, bool may_edit);

}  // namespace madoguchi::client
