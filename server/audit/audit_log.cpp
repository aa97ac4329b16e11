#include "audit/audit_log.hpp"

#include "calendar/tokyo_time.hpp"

namespace madoguchi::server::audit {

store::Status record(store::Database& database, const AuditEntry& entry) {
    auto insert = database.prepare(
        "INSERT INTO audit_log (occurred_at, actor, action, object_type, object_id, before_json, after_json) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    if (!insert) return store::Error{insert.error()};
    auto& statement = insert.value();
    statement.bind(1, calendar::format_iso8601_utc(calendar::now()))
        .bind(2, entry.actor)
        .bind(3, entry.action)
        .bind(4, entry.object_type)
        .bind(5, entry.object_id);
    // Unbound parameters are NULL in SQLite.
    if (entry.before) statement.bind(6, entry.before->dump());
    if (entry.after) statement.bind(7, entry.after->dump());
    if (auto inserted = statement.step(); !inserted) return store::Error{inserted.error()};
    return store::success();
}

}  // namespace madoguchi::server::audit
