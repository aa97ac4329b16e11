#pragma once
// Who sees a request and which party they are to it. The desk, the IT office, auditors and
// admins see every request; a manager those of the own division (the division served or the
// requester's); a vendor only those handed to its company, from the hand-off on. Anything
// else is as absent as a missing request (404).
#include <vector>

#include "identity/principal.hpp"
#include "placement/placement_request.hpp"

namespace madoguchi::server::placement {

// 運用窓口: operators, and admins who stand in for them.
bool is_desk(const identity::Principal& principal);
bool visible(const identity::Principal& principal, const madoguchi::placement::PlacementRequest& request);
// What the user is to this request (several at once, or none).
std::vector<madoguchi::placement::Party> parties_of(const identity::Principal& principal,
                                                    const madoguchi::placement::PlacementRequest& request);

}  // namespace madoguchi::server::placement
