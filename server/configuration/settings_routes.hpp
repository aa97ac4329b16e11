#pragma once
// /api/v1/configuration-items/{id}/settings: the versions of an item's settings, one version,
// the diff between two, a change (a new version) and a restore (a new version with an earlier
// one's values), each change with a reason.
#include "http/router.hpp"
#include "store/database.hpp"

namespace madoguchi::server::configuration {

void add_settings_routes(http::Router& router, store::SharedDatabase& database);

}  // namespace madoguchi::server::configuration
