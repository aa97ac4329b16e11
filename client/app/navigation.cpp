#include "app/navigation.hpp"

#include <array>

namespace madoguchi::client {
namespace {

constexpr std::array<AreaInfo, 10> all_areas{{
    {Area::dashboard, "nav.dashboard"},
    {Area::inventory, "nav.inventory"},
    {Area::lending, "nav.lending"},
    {Area::counter, "nav.counter"},
    {Area::tickets, "nav.tickets"},
    {Area::telemetry, "nav.telemetry"},
    {Area::stock, "nav.stock"},
    {Area::knowledge, "nav.knowledge"},
    {Area::reports, "nav.reports"},
    {Area::admin, "nav.admin"},
}};

}  // namespace

std::span<const AreaInfo> areas() { return all_areas; }

std::string_view label_key(Area area) {
    for (const auto& info : all_areas) {
        if (info.area == area) return info.label_key;
    }
    return "nav.dashboard";
}

}  // namespace madoguchi::client
