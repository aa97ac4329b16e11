#include "audit/audit_log.hpp"

#include "calendar/tokyo_time.hpp"

namespace madoguchi::server::audit {
namespace {

// Values come from requests; a stray invalid byte must not cost the record (or the change).
std::string dump(const nlohmann::json& value) {
    return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

store::Status record(store::Database& database, const AuditEntry& entry) {
    auto insert = database.prepare(
        "INSERT INTO audit_log (occurred_at, actor, action, object_type, object_id, before_json, after_json, "
        "actor_roles, source_address) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
    if (!insert) return store::Error{insert.error()};
    auto& statement = insert.value();
    statement.bind(1, calendar::format_iso8601_utc(calendar::now()))
        .bind(2, entry.actor.name)
        .bind(3, entry.action)
        .bind(4, entry.object_type)
        .bind(5, entry.object_id)
        .bind(8, entry.actor.roles)
        .bind(9, entry.actor.address);
    // Unbound parameters are NULL in SQLite.
    if (entry.before) statement.bind(6, dump(*entry.before));
    if (entry.after) statement.bind(7, dump(*entry.after));
    if (auto inserted = statement.step(); !inserted) return store::Error{inserted.error()};
    return store::success();
}

}  // namespace madoguchi::server::audit
