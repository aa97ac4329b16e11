#pragma once
// The 編集 tab: the device's fields as a form with inline errors from the shared validation
// (and the server's), and 保存. 新規登録 draws the same fields.
#include "api/form_errors.hpp"
#include "i18n/catalog.hpp"
#include "inventory/device_form.hpp"

namespace madoguchi::client {

class App;
struct InventoryPage;
class InventoryCatalogs;

void draw_device_form_fields(App& app, const InventoryCatalogs& catalogs, DeviceFormValues& values,
                             ContractDateFields& dates, const FormErrors& errors, i18n::Language language);

void draw_device_form(App& app, InventoryPage& page, i18n::Language language);

}  // namespace madoguchi::client
