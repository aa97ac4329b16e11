#include "audit/audit_log.hpp"

#include "audit/audit_chain.hpp"

namespace madoguchi::server::audit {
namespace {

// Values come from requests; a stray invalid byte must not cost the record (or the change).
std::string dump(const nlohmann::json& value) {
    return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

store::Status record(store::Database& database, const AuditEntry& entry) {
    return record_at(database, entry, calendar::now());
}

store::Status record_at(store::Database& database, const AuditEntry& entry, calendar::Instant at) {
    // Read inside the caller's write transaction: no other writer can take the same place in
    // the chain meanwhile, even from another process.
    auto previous = last_hash(database);
    if (!previous) return store::Error{previous.error()};
    auto next_id = database.query_int("SELECT coalesce(max(id), 0) + 1 FROM audit_log");
    if (!next_id) return store::Error{next_id.error()};

    StoredRecord stored{*next_id.value(),
                        calendar::format_iso8601_utc(at),
                        entry.actor.name,
                        entry.actor.roles,
                        entry.actor.address,
                        entry.action,
                        entry.object_type,
                        entry.object_id,
                        entry.before ? std::optional(dump(*entry.before)) : std::nullopt,
                        entry.after ? std::optional(dump(*entry.after)) : std::nullopt,
                        previous.value(),
                        std::nullopt};
    stored.hash = record_hash(previous.value(), stored);

    auto insert = database.prepare(
        "INSERT INTO audit_log (id, occurred_at, actor, actor_roles, source_address, action, object_type, object_id, "
        "before_json, after_json, prev_hash, hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)");
    if (!insert) return store::Error{insert.error()};
    auto& statement = insert.value();
    statement.bind(1, stored.id)
        .bind(2, stored.occurred_at)
        .bind(3, stored.actor)
        .bind(4, stored.actor_roles)
        .bind(5, stored.source_address)
        .bind(6, stored.action)
        .bind(7, stored.object_type)
        .bind(8, stored.object_id)
        .bind(11, *stored.prev_hash)
        .bind(12, *stored.hash);
    // Unbound parameters are NULL in SQLite.
    if (stored.before_json) statement.bind(9, *stored.before_json);
    if (stored.after_json) statement.bind(10, *stored.after_json);
    if (auto inserted = statement.step(); !inserted) return store::Error{inserted.error()};
    return store::success();
}

}  // namespace madoguchi::server::audit
