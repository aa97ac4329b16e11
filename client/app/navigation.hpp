#pragma once
// The areas of the product, in the order the navigation lists them. The same words name
// the folders in shared/, server/ and client/. Each area admits some roles: the navigation
// shows a user only those their roles allow (the server refuses the rest anyway).
#include <optional>
#include <span>
#include <string_view>

#include "identity/role.hpp"

namespace madoguchi::client {

enum class Area {
    dashboard, inventory, configuration, placement, lending, counter, tickets, ticket_desk, telemetry, stock, knowledge, reports, users, audit, admin, kit
};

struct AreaInfo {
    Area area;
    std::string_view label_key;  // catalog key of the navigation label
};

// The areas the navigation lists; the UI kit's gallery (Area::kit) is reached only by address.
std::span<const AreaInfo> areas();
std::string_view label_key(Area area);
// The area named in the page address (`?view=tickets`), by its folder word.
std::optional<Area> area_from_name(std::string_view name);

// Whether a user holding `roles` may open the area.
bool area_allowed(Area area, std::span<const identity::Role> roles);

}  // namespace madoguchi::client
