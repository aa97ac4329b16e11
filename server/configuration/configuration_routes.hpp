#pragma once
// Every route of 構成管理 (configuration management): items, licences, settings, documents.
#include "http/router.hpp"
#include "store/database.hpp"

namespace madoguchi::server::configuration {

void add_configuration_routes(http::Router& router, store::SharedDatabase& database);

}  // namespace madoguchi::server::configuration
