#pragma once
// Planning an import of the ledger's reference lists: device models (matched by maker and
// name; a stored one takes the file's consumables) and locations (matched by building, floor
// and room; a stored one is left as it is).
#include <cstddef>
#include <span>
#include <vector>

#include "inventory/device_import.hpp"
#include "inventory/device_model.hpp"
#include "inventory/ledger_sheet.hpp"
#include "inventory/location.hpp"

namespace madoguchi::inventory {

struct PlannedModel {
    std::size_t line = 0;
    ImportAction action = ImportAction::create;
    DeviceModel model;  // with the stored id for update and unchanged
};

struct PlannedLocation {
    std::size_t line = 0;
    ImportAction action = ImportAction::create;
    Location location;  // with the stored id when unchanged
};

template <typename Row>
struct CatalogImportPlan {
    std::vector<Row> rows;
    std::vector<ImportProblem> problems;
    std::size_t count(ImportAction action) const {
        std::size_t n = 0;
        for (const auto& row : rows) n += row.action == action ? 1 : 0;
        return n;
    }
};

// A model's class cannot change by import (devices of the old class use it):
// import.model_class_change. A name given twice in the file: import.duplicate_in_file.
CatalogImportPlan<PlannedModel> plan_model_import(const LedgerSheet& sheet, std::span<const DeviceModel> stored);
CatalogImportPlan<PlannedLocation> plan_location_import(const LedgerSheet& sheet, std::span<const Location> stored);

}  // namespace madoguchi::inventory
