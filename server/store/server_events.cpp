#include "store/server_events.hpp"

namespace madoguchi::server::store {

Status record_server_event(Database& database, ServerEvent event, std::string_view detail) {
    auto insert = database.prepare(
        "INSERT INTO server_events (occurred_at, kind, detail) "
        "VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?1, ?2)");
    if (!insert) return Error{insert.error()};
    insert.value().bind(1, event == ServerEvent::started ? "started" : "stopped").bind(2, detail);
    if (auto inserted = insert.value().step(); !inserted) return Error{inserted.error()};
    return success();
}

}  // namespace madoguchi::server::store
