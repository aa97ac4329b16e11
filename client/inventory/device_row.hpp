#pragma once
// One device as the ledger's list and detail pane show it: the shared Asset read from the
// API's device object, plus the names the server joins in (model, location, custodian,
// division), which are "" when the device has none.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "inventory/asset.hpp"

namespace madoguchi::client {

struct DeviceRow {
    inventory::Asset asset;
    std::string model_name;
    std::string location_name;
    std::string custodian_name;
    std::string custodian_name_kana;
    std::string division_name;
};

// "/api/v1/devices/{id}" followed by `rest` ("/history", "/transitions", or nothing).
std::string device_path(std::int64_t id, std::string_view rest = {});

// From GET /api/v1/devices' items or a {"device": …} answer's device; nothing when it is not one.
std::optional<DeviceRow> device_row_from_json(const nlohmann::json& device);

}  // namespace madoguchi::client
