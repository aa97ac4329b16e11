#include "store/server_events.hpp"

namespace madoguchi::server::store {

std::string_view kind_name(ServerEvent event) {
    switch (event) {
        case ServerEvent::started: return "started";
        case ServerEvent::stopped: return "stopped";
        case ServerEvent::backup_succeeded: return "backup_succeeded";
        case ServerEvent::backup_failed: return "backup_failed";
    }
    return "started";
}

Status record_server_event(Database& database, ServerEvent event, std::string_view detail) {
    auto insert = database.prepare(
        "INSERT INTO server_events (occurred_at, kind, detail) "
        "VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?1, ?2)");
    if (!insert) return Error{insert.error()};
    insert.value().bind(1, kind_name(event)).bind(2, detail);
    if (auto inserted = insert.value().step(); !inserted) return Error{inserted.error()};
    return success();
}

}  // namespace madoguchi::server::store
