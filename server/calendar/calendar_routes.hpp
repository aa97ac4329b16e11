#pragma once
// The business calendar over HTTP: GET /api/v1/calendar/holidays and /deadline.
#include "http/router.hpp"

namespace madoguchi::server {

void add_calendar_routes(http::Router& router);

}  // namespace madoguchi::server
