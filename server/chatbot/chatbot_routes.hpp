#pragma once
// Chatbot availability over HTTP (定期報告):
//   GET  /api/v1/chatbot/availability?month=YYYY-MM  the month's availability, outages, maintenance
//   GET  /api/v1/chatbot/maintenance?month=YYYY-MM   the planned maintenance windows of the month
//   POST /api/v1/chatbot/maintenance                 a planned window (the desk, the IT office; audited)
#include "http/router.hpp"
#include "store/database.hpp"

namespace madoguchi::server::chatbot {

void add_chatbot_routes(http::Router& router, store::SharedDatabase& database);

}  // namespace madoguchi::server::chatbot
