#pragma once
// GET /api/v1/health: is the server up, which version, can it reach its database.
#include "http/router.hpp"
#include "store/database.hpp"

namespace madoguchi::server {

void add_health_routes(http::Router& router, store::SharedDatabase& database);

}  // namespace madoguchi::server
