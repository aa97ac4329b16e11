#pragma once
// What the placement routes answer in common: a request as the caller sees it (with the
// moves open to them), the 409 of a stale version, and the request's id from the path.
#include <httplib.h>

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>

#include "http/router.hpp"
#include "http/transaction_reply.hpp"
#include "identity/principal.hpp"
#include "placement/placement_request.hpp"
#include "store/database.hpp"

namespace madoguchi::server::placement {

// {"request":{…},"next_moves":[{"to","action","needs_reason","needs_checklist"}]}, and for the
// desk "vendor_companies" (where it can hand requests).
store::Result<nlohmann::json> request_answer(store::Database& database, const identity::Principal& principal,
                                             const madoguchi::placement::PlacementRequest& request);

// 409 stale_version with the current request.
http::Reply stale(const madoguchi::placement::PlacementRequest& current);

// The {id} of the path, or empty after a 400 was sent.
std::optional<std::int64_t> request_id_in_path(const http::RequestContext& context, httplib::Response& response);

}  // namespace madoguchi::server::placement
