#include "placement/placement_access.hpp"

namespace madoguchi::server::placement {
namespace {

using madoguchi::identity::Role;
using madoguchi::placement::Party;
using madoguchi::placement::PlacementRequest;
using madoguchi::placement::RequestState;

bool holds(const identity::Principal& principal, Role role) {
    return madoguchi::identity::has_role(principal.user.fields.roles, role);
}

bool own_division(const identity::Principal& principal, const PlacementRequest& request) {
    const auto& division = principal.user.fields.division_code;
    return holds(principal, Role::manager) && (request.fields.division_code == division || request.requester_division == division);
}

bool handed_to(const identity::Principal& principal, const PlacementRequest& request) {
    const auto& company = principal.user.fields.vendor_company;
    const bool handed = request.state == RequestState::with_vendor || request.state == RequestState::vendor_done ||
                        request.state == RequestState::completed;
    return holds(principal, Role::vendor) && !company.empty() && request.vendor_company == company && handed;
}

}  // namespace

bool is_desk(const identity::Principal& principal) {
    return holds(principal, Role::desk_operator) || holds(principal, Role::admin);
}

bool visible(const identity::Principal& principal, const PlacementRequest& request) {
    if (is_desk(principal) || holds(principal, Role::it_office) || holds(principal, Role::auditor)) return true;
    return own_division(principal, request) || handed_to(principal, request);
}

std::vector<Party> parties_of(const identity::Principal& principal, const PlacementRequest& request) {
    std::vector<Party> parties;
    if (request.requester_login == principal.user.fields.login || own_division(principal, request)) {
        parties.push_back(Party::requester);
    }
    if (is_desk(principal)) parties.push_back(Party::desk);
    if (handed_to(principal, request)) parties.push_back(Party::vendor);
    return parties;
}

}  // namespace madoguchi::server::placement
