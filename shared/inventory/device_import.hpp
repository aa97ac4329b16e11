#pragma once
// Planning a device import: every row of a ledger sheet read against the references and the
// devices already stored (matched by asset tag), giving what would be created, changed or
// left alone, and every row's problems. Only columns the file has change a stored device;
// the state is taken only for a new device (afterwards it moves through transitions).
#include <cstddef>
#include <string>
#include <unordered_map>
#include <vector>

#include "inventory/asset.hpp"
#include "inventory/ledger_references.hpp"
#include "inventory/ledger_sheet.hpp"

namespace madoguchi::inventory {

enum class ImportAction { create, update, unchanged };
std::string_view action_name(ImportAction action);  // "create", "update", "unchanged"

struct PlannedDevice {
    std::size_t line = 0;
    ImportAction action = ImportAction::create;
    AssetFields fields;                  // as they will be stored
    AssetState state = AssetState::in_stock;  // a new device's; a stored one keeps its own
    const Asset* stored = nullptr;       // the device it changes (update, unchanged)
};

struct DeviceImportPlan {
    std::vector<PlannedDevice> rows;     // rows without problems, in file order
    std::vector<ImportProblem> problems; // the sheet's and the rows', in file order
    std::size_t count(ImportAction action) const;
};

// `stored_by_tag` must outlive the plan (rows point into it).
DeviceImportPlan plan_device_import(const LedgerSheet& sheet, const LedgerIndex& references,
                                    const std::unordered_map<std::string, Asset>& stored_by_tag);

}  // namespace madoguchi::inventory
