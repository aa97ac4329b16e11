#pragma once
// A completed request changes the ledger, in the caller's transaction: an install adds the
// new device (installed, at the target place), a move sets the device's location and
// division, a removal retires the device. Each change is audited with the request number as
// its reason, so the device's history names the request.
#include <cstdint>
#include <string>
#include <variant>

#include "audit/audit_log.hpp"
#include "http/transaction_reply.hpp"
#include "placement/placement_request.hpp"
#include "store/database.hpp"

namespace madoguchi::server::placement {

// What the desk gives at completion: the new device's asset tag and serial (install only).
struct Completion {
    std::string asset_tag;
    std::string serial;
};

// The device added or changed, or the refusal to answer (422 for a bad tag, 409 for a tag
// already taken or a device no longer installed); the caller rolls back on a refusal.
store::Result<std::variant<std::int64_t, http::Reply>> apply_to_ledger(store::Database& database,
                                                                     const madoguchi::placement::PlacementRequest& request,
                                                                     const Completion& completion,
                                                                     const audit::Actor& actor);

}  // namespace madoguchi::server::placement
