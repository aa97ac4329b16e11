#pragma once
// /api/v1/notifications/routing: who is told what (notification_routing.hpp). The IT office
// and admins read it; admins replace it whole (422 naming every unknown event or recipient),
// audited as notification_routing.updated.
#include "http/router.hpp"
#include "store/database.hpp"

namespace madoguchi::server::notifications {

void add_routing_routes(http::Router& router, store::SharedDatabase& database);

}  // namespace madoguchi::server::notifications
