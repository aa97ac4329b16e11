#pragma once
// GET /api/v1/lending/requests?state=&class= (staff their own, managers their division's,
// the desk, the IT office, auditors and admins all; newest first) and
// GET /api/v1/lending/requests/{id} (another's request is a 404, as if absent).
#include <httplib.h>

#include "http/router.hpp"
#include "store/database.hpp"

namespace madoguchi::server::lending {

void list(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
          const http::RequestContext& context);
void detail(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
            const http::RequestContext& context);

}  // namespace madoguchi::server::lending
