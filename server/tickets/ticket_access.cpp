#include "tickets/ticket_access.hpp"

namespace madoguchi::server::tickets {

using madoguchi::identity::Role;

namespace {

bool holds(const identity::Principal& principal, Role role) {
    return madoguchi::identity::has_role(principal.user.fields.roles, role);
}

}  // namespace

TicketScope scope_of(const identity::Principal& principal) {
    TicketScope scope;
    scope.everything = sees_internal_notes(principal);
    scope.requester_user_id = principal.user.id;
    if (holds(principal, Role::manager)) scope.division_code = principal.user.fields.division_code;
    if (holds(principal, Role::vendor)) scope.vendor_company = principal.user.fields.vendor_company;
    return scope;
}

std::vector<Role> acting_roles(const identity::Principal& principal, const TicketRow& ticket) {
    const bool requester = ticket.requester_user_id == principal.user.id;
    const bool own_company = !ticket.vendor_company.empty() && ticket.vendor_company == principal.user.fields.vendor_company;
    std::vector<Role> roles;
    for (const auto role : principal.user.fields.roles) {
        if ((role == Role::staff || role == Role::manager) && !requester) continue;
        if (role == Role::vendor && !own_company) continue;
        roles.push_back(role);
    }
    return roles;
}

bool is_desk(const identity::Principal& principal) {
    return holds(principal, Role::desk_operator) || holds(principal, Role::it_office);
}

bool sees_internal_notes(const identity::Principal& principal) {
    return is_desk(principal) || holds(principal, Role::auditor) || holds(principal, Role::admin);
}

}  // namespace madoguchi::server::tickets
