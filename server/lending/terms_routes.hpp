#pragma once
// GET /api/v1/lending/terms/{form}: the current terms of use of a form (404 no_terms before
// the first version); POST the same path (admins) {text_ja, text_en} publishes the next version.
#include <httplib.h>

#include "http/router.hpp"
#include "store/database.hpp"

namespace madoguchi::server::lending {

void get_terms(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
               const http::RequestContext& context);
void publish(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
             const http::RequestContext& context);

}  // namespace madoguchi::server::lending
