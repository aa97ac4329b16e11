#pragma once
// The 編集 tab: the device's fields as a form with inline errors from the shared validation
// (and the server's), and 保存.
#include "i18n/catalog.hpp"

namespace madoguchi::client {

class App;
struct InventoryPage;

void draw_device_form(App& app, InventoryPage& page, i18n::Language language);

}  // namespace madoguchi::client
