#pragma once
// 通知先の設定 in the admin area: per event, its recipients with a remove button each, a row
// to add one (kind and value), and 保存 / 元に戻す for the whole routing.
namespace madoguchi::client {

class App;

void draw_routing_editor_page(App& app);

}  // namespace madoguchi::client
