#pragma once
// Administration of accounts: /api/v1/users (list, create, read, change, set a password),
// /api/v1/login-blocks (throttled sign-ins, and lifting a block) and /api/v1/divisions.
#include "http/router.hpp"
#include "identity/identity_config.hpp"
#include "store/database.hpp"

namespace madoguchi::server::identity {

void add_user_routes(http::Router& router, store::SharedDatabase& database, const IdentityConfig& config);

}  // namespace madoguchi::server::identity
