#include "identity/role.hpp"

#include <algorithm>
#include <array>

namespace madoguchi::identity {
namespace {

constexpr std::array roles{Role::staff,   Role::manager, Role::desk_operator, Role::it_office,
                           Role::vendor,  Role::auditor, Role::admin};
constexpr std::array<std::string_view, roles.size()> names{"staff",  "manager", "operator", "it_office",
                                                           "vendor", "auditor", "admin"};

std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
}

}  // namespace

std::span<const Role> all_roles() { return roles; }

std::string_view role_name(Role role) { return names[static_cast<std::size_t>(role)]; }

std::optional<Role> parse_role(std::string_view name) {
    const auto found = std::find(names.begin(), names.end(), name);
    if (found == names.end()) return std::nullopt;
    return roles[static_cast<std::size_t>(found - names.begin())];
}

std::string role_label_key(Role role) { return "identity.role." + std::string(role_name(role)); }

std::variant<std::vector<Role>, RoleListError> parse_role_list(std::string_view text) {
    std::vector<bool> held(roles.size(), false);
    std::size_t start = 0;
    while (start <= text.size()) {
        const auto end = std::min(text.find(',', start), text.size());
        const auto name = trim(text.substr(start, end - start));
        start = end + 1;
        if (name.empty()) continue;
        const auto role = parse_role(name);
        if (!role) {
            return RoleListError{"unknown role '" + std::string(name) +
                                 "' (roles: staff, manager, operator, it_office, vendor, auditor, admin)"};
        }
        held[static_cast<std::size_t>(*role)] = true;
    }
    std::vector<Role> result;
    for (std::size_t index = 0; index < roles.size(); ++index) {
        if (held[index]) result.push_back(roles[index]);
    }
    if (result.empty()) return RoleListError{"at least one role is needed"};
    return result;
}

std::string join_roles(std::span<const Role> roles_held) {
    std::string joined;
    for (const auto role : roles_held) {
        if (!joined.empty()) joined += ',';
        joined += role_name(role);
    }
    return joined;
}

bool has_role(std::span<const Role> held, Role role) { return std::find(held.begin(), held.end(), role) != held.end(); }

bool has_any_role(std::span<const Role> held, std::span<const Role> wanted) {
    return std::any_of(wanted.begin(), wanted.end(), [&](Role role) { return has_role(held, role); });
}

}  // namespace madoguchi::identity
