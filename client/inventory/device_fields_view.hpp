#pragma once
// The 詳細 tab: every field of the device as "label：value" lines.
#include "i18n/catalog.hpp"
#include "inventory/device_row.hpp"
#include "inventory/inventory_catalogs.hpp"

namespace madoguchi::client {

void draw_device_fields(const DeviceRow& device, const InventoryCatalogs& catalogs, i18n::Language language);

}  // namespace madoguchi::client
