#pragma once
// /api/v1/devices: the ledger's devices — list with search and paging, detail, create, change
// with optimistic versions, state transitions with a reason, and history.
#include "http/router.hpp"
#include "store/database.hpp"

namespace madoguchi::server::inventory {

void add_device_routes(http::Router& router, store::SharedDatabase& database);

}  // namespace madoguchi::server::inventory
