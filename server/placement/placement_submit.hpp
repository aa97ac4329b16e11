#pragma once
// POST /api/v1/placement-requests: a manager (for the own division) or the desk submits an
// install, move or remove request.
#include <httplib.h>

#include "http/router.hpp"
#include "store/database.hpp"

namespace madoguchi::server::placement {

void submit_request(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
                    const http::RequestContext& context);

}  // namespace madoguchi::server::placement
