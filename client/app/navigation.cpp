#include "app/navigation.hpp"

#include <array>

namespace madoguchi::client {
namespace {

struct NamedArea {
    AreaInfo info;
    std::string_view name;
};

// The navigation's areas first, in its order; then those reached only by address.
constexpr std::array<NamedArea, 11> named_areas{{
    {{Area::dashboard, "nav.dashboard"}, "dashboard"},
    {{Area::inventory, "nav.inventory"}, "inventory"},
    {{Area::lending, "nav.lending"}, "lending"},
    {{Area::counter, "nav.counter"}, "counter"},
    {{Area::tickets, "nav.tickets"}, "tickets"},
    {{Area::telemetry, "nav.telemetry"}, "telemetry"},
    {{Area::stock, "nav.stock"}, "stock"},
    {{Area::knowledge, "nav.knowledge"}, "knowledge"},
    {{Area::reports, "nav.reports"}, "reports"},
    {{Area::admin, "nav.admin"}, "admin"},
    {{Area::kit, "nav.kit"}, "kit"},
}};
constexpr std::size_t navigation_count = 10;

constexpr std::array<AreaInfo, navigation_count> navigation_areas = [] {
    std::array<AreaInfo, navigation_count> result{};
    for (std::size_t i = 0; i < navigation_count; ++i) result[i] = named_areas[i].info;
    return result;
}();

}  // namespace

std::span<const AreaInfo> areas() { return navigation_areas; }

std::string_view label_key(Area area) {
    for (const auto& named : named_areas) {
        if (named.info.area == area) return named.info.label_key;
    }
    return "nav.dashboard";
}

std::optional<Area> area_from_name(std::string_view name) {
    for (const auto& named : named_areas) {
        if (named.name == name) return named.info.area;
    }
    return std::nullopt;
}

}  // namespace madoguchi::client
