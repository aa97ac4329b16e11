#pragma once
// Signing in and out: POST/DELETE /api/v1/session, GET /api/v1/me, PUT /api/v1/me/password.
#include "http/router.hpp"
#include "identity/identity_config.hpp"
#include "store/database.hpp"

namespace madoguchi::server::identity {

void add_session_routes(http::Router& router, store::SharedDatabase& database, const IdentityConfig& config);

}  // namespace madoguchi::server::identity
