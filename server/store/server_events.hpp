#pragma once
// The server process's lifecycle in the database (table server_events).
#include <string_view>

#include "store/database.hpp"

namespace madoguchi::server::store {

enum class ServerEvent { started, stopped };

Status record_server_event(Database& database, ServerEvent event, std::string_view detail);

}  // namespace madoguchi::server::store
