#pragma once
// /api/v1/notifications: the templates (admins edit them, the IT office reads them) and the
// outbox (the desk and admins watch deliveries and retry failed ones).
#include "http/router.hpp"
#include "store/database.hpp"

namespace madoguchi::server::notifications {

void add_notification_routes(http::Router& router, store::SharedDatabase& database);

}  // namespace madoguchi::server::notifications
