#pragma once
// Roles a user may hold (several at once). Each route of the API admits a set of them.
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace madoguchi::identity {

enum class Role {
    staff,          // 職員: own requests, loans, tickets
    manager,        // 課室等管理者: also approves and sees the own division's
    desk_operator,  // 運用窓口 ("operator"): all operational work
    it_office,      // 情報システム室: escalations, approvals, reports, read all
    vendor,         // 製品ベンダー: only tasks assigned to the own company
    auditor,        // read-only, audit log
    admin,          // users, settings, backups
};

std::span<const Role> all_roles();
// The stored and wire name: "staff", "manager", "operator", …
std::string_view role_name(Role role);
std::optional<Role> parse_role(std::string_view name);
// Catalog key of the role's label: "identity.role.<name>".
std::string role_label_key(Role role);

// "staff,manager" (spaces around names allowed) → roles in all_roles() order, without
// repeats; the error names the first unknown role, or says the list is empty.
struct RoleListError {
    std::string message;
};
std::variant<std::vector<Role>, RoleListError> parse_role_list(std::string_view text);
std::string join_roles(std::span<const Role> roles);

bool has_role(std::span<const Role> held, Role role);
bool has_any_role(std::span<const Role> held, std::span<const Role> wanted);

}  // namespace madoguchi::identity
