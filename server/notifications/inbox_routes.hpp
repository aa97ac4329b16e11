#pragma once
// The signed-in user's own in-app notifications (inbox.hpp):
//   GET  /api/v1/me/notifications?unread=true&limit=&cursor=   newest first, with the unread count
//   POST /api/v1/me/notifications/{id}/read                     404 for an entry not the user's
//   POST /api/v1/me/notifications/read-all
#include "http/router.hpp"
#include "store/database.hpp"

namespace madoguchi::server::notifications {

void add_inbox_routes(http::Router& router, store::SharedDatabase& database);

}  // namespace madoguchi::server::notifications
