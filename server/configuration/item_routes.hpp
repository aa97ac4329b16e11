#pragma once
// /api/v1/configuration-items: list (q, kind), detail, create, change with optimistic versions.
#include "http/router.hpp"
#include "store/database.hpp"

namespace madoguchi::server::configuration {

void add_item_routes(http::Router& router, store::SharedDatabase& database);

}  // namespace madoguchi::server::configuration
