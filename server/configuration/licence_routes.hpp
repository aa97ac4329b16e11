#pragma once
// /api/v1/configuration-items/{id}/licence: a software item's seats and who holds them, with
// the over-allocation rule of configuration/licence.hpp.
#include "http/router.hpp"
#include "store/database.hpp"

namespace madoguchi::server::configuration {

void add_licence_routes(http::Router& router, store::SharedDatabase& database);

}  // namespace madoguchi::server::configuration
