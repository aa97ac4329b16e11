#include "inventory/device_row.hpp"

namespace madoguchi::client {

std::string device_path(std::int64_t id, std::string_view rest) {
    std::string path = "/api/v1/devices/";
    path += std::to_string(id);
    path += rest;
    return path;
}

std::optional<DeviceRow> device_row_from_json(const nlohmann::json& device) {
    auto asset = inventory::asset_from_json(device);
    if (!asset) return std::nullopt;
    const auto name = [&](const char* key) {
        const auto found = device.find(key);
        return found != device.end() && found->is_string() ? found->get<std::string>() : std::string();
    };
    DeviceRow row;
    row.asset = std::move(*asset);
    row.model_name = name("model_name");
    row.location_name = name("location_name");
    row.custodian_name = name("custodian_name");
    row.custodian_name_kana = name("custodian_name_kana");
    row.division_name = name("division_name");
    return row;
}

}  // namespace madoguchi::client
