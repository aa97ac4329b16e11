#pragma once
// GET /api/v1/openapi.json: the API's description, with this build's version.
#include "http/router.hpp"

namespace madoguchi::server {

void add_openapi_routes(http::Router& router);

}  // namespace madoguchi::server
