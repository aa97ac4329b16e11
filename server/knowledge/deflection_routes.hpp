#pragma once
// Deflection (自己解決): while a staff member types an inquiry's title, the form asks
// /api/v1/knowledge/suggest for published staff articles that may answer it, and the reader
// says whether one solved the matter (counted per article for the desk).
#include "http/router.hpp"
#include "store/database.hpp"

namespace madoguchi::server::knowledge {

void add_deflection_routes(http::Router& router, store::SharedDatabase& database);

}  // namespace madoguchi::server::knowledge
