#pragma once
// The ledger's reference lists: /api/v1/device-classes (the policies of shared/inventory),
// /api/v1/locations and /api/v1/device-models.
#include "http/router.hpp"
#include "store/database.hpp"

namespace madoguchi::server::inventory {

void add_catalog_routes(http::Router& router, store::SharedDatabase& database);

}  // namespace madoguchi::server::inventory
