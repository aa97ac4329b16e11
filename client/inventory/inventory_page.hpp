#pragma once
// 台帳's page state: the catalogs for labels and choices, the whole fleet in the table, the
// detail pane of the device picked there, the 新規登録 dialog and the import wizard.
#include "inventory/device_creator.hpp"
#include "inventory/device_pane.hpp"
#include "inventory/fleet.hpp"
#include "inventory/import_wizard.hpp"
#include "inventory/inventory_catalogs.hpp"

namespace madoguchi::client {

struct InventoryPage {
    explicit InventoryPage(i18n::Language language) : fleet(catalogs, language), pane(language) {}

    InventoryCatalogs catalogs;
    Fleet fleet;
    DevicePane pane;
    DeviceCreator creator;
    ImportWizard import_wizard;
    bool started = false;
    bool labels_ready = false;  // the table has read the loaded catalogs
};

}  // namespace madoguchi::client
