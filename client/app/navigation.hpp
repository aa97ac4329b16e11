#pragma once
// The areas of the product, in the order the navigation lists them. The same words name
// the folders in shared/, server/ and client/.
#include <span>
#include <string_view>

namespace madoguchi::client {

enum class Area { dashboard, inventory, lending, counter, tickets, telemetry, stock, knowledge, reports, admin };

struct AreaInfo {
    Area area;
    std::string_view label_key;  // catalog key of the navigation label
};

std::span<const AreaInfo> areas();
std::string_view label_key(Area area);

}  // namespace madoguchi::client
