#include <nlohmann/json.hpp>

#include "ui/item_registry.hpp"

namespace madoguchi::client {

std::string item_records_json(float pixel_ratio) {
    auto items = nlohmann::json::array();
    for (const auto& item : item_records()) {
        items.push_back({{"id", item.id},
                         {"label", item.label},
                         {"role", item.role},
                         {"value", item.value},
                         {"x", item.x / pixel_ratio},
                         {"y", item.y / pixel_ratio},
                         {"w", item.width / pixel_ratio},
                         {"h", item.height / pixel_ratio},
                         {"focused", item.focused},
                         {"enabled", item.enabled},
                         {"clipped", item.clipped},
                         {"visibleY", item.visible_y / pixel_ratio},
                         {"visibleH", item.visible_height / pixel_ratio}});
    }
    return items.dump();
}

}  // namespace madoguchi::client
