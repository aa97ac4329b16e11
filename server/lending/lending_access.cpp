#include "lending/lending_access.hpp"

namespace madoguchi::server::lending {
namespace {

using madoguchi::identity::Role;

bool holds(const identity::Principal& principal, Role role) {
    return madoguchi::identity::has_role(principal.user.fields.roles, role);
}

}  // namespace

bool sees_all(const identity::Principal& principal) {
    return holds(principal, Role::desk_operator) || holds(principal, Role::it_office) || holds(principal, Role::auditor) ||
           holds(principal, Role::admin);
}

bool visible(const identity::Principal& principal, const LoanRequestRow& request) {
    if (sees_all(principal) || request.requester_login == principal.user.fields.login) return true;
    return holds(principal, Role::manager) && request.requester_division == principal.user.fields.division_code;
}

bool may_decide(const identity::Principal& principal, const madoguchi::lending::LoanRule& rule,
                const LoanRequestRow& request) {
    // Nobody decides their own request.
    if (request.requester_login == principal.user.fields.login) return false;
    if (!holds(principal, madoguchi::lending::approver_role(rule.approver))) return false;
    return rule.approver != madoguchi::lending::Approver::manager ||
           request.requester_division == principal.user.fields.division_code;
}

void restrict(const identity::Principal& principal, RequestFilter& filter) {
    if (sees_all(principal)) return;
    if (holds(principal, Role::manager)) {
        filter.division = principal.user.fields.division_code;
    } else {
        filter.requester_login = principal.user.fields.login;
    }
}

}  // namespace madoguchi::server::lending
