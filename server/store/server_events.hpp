#pragma once
// The server process's lifecycle in the database (table server_events): starts, stops and
// the scheduled backups' outcomes.
#include <string_view>

#include "store/database.hpp"

namespace madoguchi::server::store {

enum class ServerEvent { started, stopped, backup_succeeded, backup_failed };

// The kind as stored: "started", "backup_failed", …
std::string_view kind_name(ServerEvent event);

Status record_server_event(Database& database, ServerEvent event, std::string_view detail);

}  // namespace madoguchi::server::store
