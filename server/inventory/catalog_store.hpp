#pragma once
// The ledger's reference lists in SQLite: locations (設置場所) and device models (機種).
#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

#include "inventory/device_model.hpp"
#include "inventory/location.hpp"
#include "store/database.hpp"

namespace madoguchi::server::inventory {

using madoguchi::inventory::DeviceModel;
using madoguchi::inventory::Location;

nlohmann::json to_json(const Location& location);  // with "name" (display_name)
nlohmann::json to_json(const DeviceModel& model);

// In name order.
store::Result<std::vector<Location>> list_locations(store::Database& database);
store::Result<std::vector<DeviceModel>> list_models(store::Database& database);

// The new id, or empty when the same one exists already.
store::Result<std::optional<std::int64_t>> insert_location(store::Database& database, const Location& location);
store::Result<std::optional<std::int64_t>> insert_model(store::Database& database, const DeviceModel& model);

}  // namespace madoguchi::server::inventory
