#pragma once
// 台帳's page state: the catalogs for labels and choices, the whole fleet in the table, the
// detail pane of the device picked there, and the import wizard.
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
    ImportWizard import_wizard;
    bool started = false;
    bool labels_ready = false;  // the table has read the loaded catalogs
};

}  // namespace madoguchi::client
