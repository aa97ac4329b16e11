#pragma once
// The lending API under /api/v1/lending: rules, terms of use, requests and their decisions,
// availability (README "Lending").
#include "http/router.hpp"
#include "store/database.hpp"

namespace madoguchi::server::lending {

void add_lending_routes(http::Router& router, store::SharedDatabase& database);

}  // namespace madoguchi::server::lending
