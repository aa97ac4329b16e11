#pragma once
// One configuration item as the 構成管理 screen holds it: the record, its licence's seat usage
// (software with a licence only) and its newest settings version, as the API answers them.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "configuration/configuration_item.hpp"
#include "configuration/licence.hpp"
#include "i18n/catalog.hpp"

namespace madoguchi::client {

struct ItemEntry {
    configuration::ConfigurationItem item;
    std::optional<configuration::SeatUsage> usage;
    std::int64_t settings_version = 0;
};

std::optional<ItemEntry> item_entry_from_json(const nlohmann::json& json);
// The entry of an {"item": …} answer (also inside a 409's error document).
std::optional<ItemEntry> answered_item(const std::string& body);

// "/api/v1/configuration-items/7" + rest.
std::string item_path(std::int64_t id, std::string_view rest = {});

// "480 / 500" seats in use; "" without a licence.
std::string seats_text(const std::optional<configuration::SeatUsage>& usage);
// "利用 480 / 500 席（96%）" / "480 of 500 seats in use (96%)", with the over-allocation
// warning appended when assignments exceed the seats.
std::string usage_text(const configuration::SeatUsage& usage, i18n::Language language);

}  // namespace madoguchi::client
