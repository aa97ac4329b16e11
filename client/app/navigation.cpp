#include "app/navigation.hpp"

#include <array>
#include <initializer_list>

namespace madoguchi::client {
namespace {

using identity::Role;

struct NamedArea {
    AreaInfo info;
    std::string_view name;
};

// The navigation's areas first, in its order; then those reached only by address.
constexpr std::array<NamedArea, 16> named_areas{{
    {{Area::dashboard, "nav.dashboard"}, "dashboard"},
    {{Area::inventory, "nav.inventory"}, "inventory"},
    {{Area::configuration, "nav.configuration"}, "configuration"},
    {{Area::placement, "nav.placement"}, "placement"},
    {{Area::lending, "nav.lending"}, "lending"},
    {{Area::counter, "nav.counter"}, "counter"},
    {{Area::tickets, "nav.tickets"}, "tickets"},
    {{Area::ticket_desk, "nav.ticket_desk"}, "ticket_desk"},
    {{Area::telemetry, "nav.telemetry"}, "telemetry"},
    {{Area::stock, "nav.stock"}, "stock"},
    {{Area::knowledge, "nav.knowledge"}, "knowledge"},
    {{Area::reports, "nav.reports"}, "reports"},
    {{Area::users, "nav.users"}, "users"},
    {{Area::audit, "nav.audit"}, "audit"},
    {{Area::admin, "nav.admin"}, "admin"},
    {{Area::kit, "nav.kit"}, "kit"},
}};
constexpr std::size_t navigation_count = 15;

constexpr std::array<AreaInfo, navigation_count> navigation_areas = [] {
    std::array<AreaInfo, navigation_count> result{};
    for (std::size_t i = 0; i < navigation_count; ++i) result[i] = named_areas[i].info;
    return result;
}();

bool holds_any(std::span<const Role> roles, std::initializer_list<Role> wanted) {
    return identity::has_any_role(roles, std::span<const Role>(wanted.begin(), wanted.size()));
}

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

bool area_allowed(Area area, std::span<const Role> roles) {
    switch (area) {
        case Area::dashboard:
        case Area::kit:
            return !roles.empty();
        case Area::tickets:
        case Area::lending:
            // Vendors and auditors do not file requests.
            return holds_any(roles, {Role::staff, Role::manager, Role::desk_operator, Role::it_office, Role::admin});
        case Area::inventory:
            // As the ledger API reads: auditors see every device, managers their division's.
            return holds_any(roles, {Role::desk_operator, Role::it_office, Role::auditor, Role::manager, Role::admin});
        case Area::placement:
            // As the requests API reads: the requesting managers, the desk, the vendors' tasks.
            return holds_any(roles, {Role::manager, Role::desk_operator, Role::it_office, Role::auditor, Role::admin,
                                     Role::vendor});
        case Area::ticket_desk:
            // As the tickets API reads for the desk: auditors and admins read only.
            return holds_any(roles, {Role::desk_operator, Role::it_office, Role::vendor, Role::auditor, Role::admin});
        case Area::configuration:
            // The desk and the IT office keep it, auditors read it.
            return holds_any(roles, {Role::desk_operator, Role::it_office, Role::auditor, Role::admin});
        case Area::telemetry:
            // As the telemetry API reads: auditors everything, vendors their company's toner orders.
            return holds_any(roles, {Role::desk_operator, Role::it_office, Role::auditor, Role::admin, Role::vendor});
        case Area::stock:
        case Area::reports:
            return holds_any(roles, {Role::desk_operator, Role::it_office, Role::admin});
        case Area::counter:
            return holds_any(roles, {Role::desk_operator, Role::admin});
        case Area::knowledge:
            // The desk's library; staff meet its articles as suggestions in the inquiry form.
            return holds_any(roles, {Role::desk_operator, Role::it_office});
        case Area::users:
            // it_office and auditors read the accounts; only admins change them.
            return holds_any(roles, {Role::admin, Role::it_office, Role::auditor});
        case Area::audit:
            return holds_any(roles, {Role::auditor, Role::admin});
        case Area::admin:
            return holds_any(roles, {Role::admin});
    }
    return false;
}

}  // namespace madoguchi::client
