#include "audit/audit_log.hpp"

#include "audit/audit_chain.hpp"

namespace madoguchi::server::audit {
namespace {

// Values come from requests; a stray invalid byte must not cost the record (or the change).
std::string dump(const nlohmann::json& value) {
    return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// The record joins the chain at its end, stamped `at`; its id.
store::Result<std::int64_t> append_at(store::Database& database, const AuditEntry& entry, calendar::Instant at) {
    // Read inside the caller's write transaction: no other writer can take the same place in
    // the chain meanwhile, even from another process.
    auto newest = chain_end(database);
    if (!newest) return store::Error{newest.error()};
    auto occurred_at = calendar::format_iso8601_utc(at);
    const bool clock_set_back = occurred_at < newest.value().occurred_at;

    StoredRecord stored{newest.value().id + 1,
                        std::move(occurred_at),
                        entry.actor.name,
                        entry.actor.roles,
                        entry.actor.address,
                        entry.action,
                        entry.object_type,
                        entry.object_id,
                        entry.before ? std::optional(dump(*entry.before)) : std::nullopt,
                        entry.after ? std::optional(dump(*entry.after)) : std::nullopt,
                        newest.value().hash,
                        std::nullopt};
    stored.hash = record_hash(newest.value().hash, stored);

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
    if (clock_set_back) {
        // The time search cannot bisect ids across this record (audit_query.cpp).
        auto step = database.prepare("INSERT INTO audit_clock_steps (audit_id) VALUES (?1)");
        if (!step) return store::Error{step.error()};
        if (auto noted = step.value().bind(1, stored.id).step(); !noted) return store::Error{noted.error()};
    }
    return stored.id;
}

}  // namespace

store::Status record(store::Database& database, const AuditEntry& entry) {
    return record_at(database, entry, calendar::now());
}

store::Status record_at(store::Database& database, const AuditEntry& entry, calendar::Instant at) {
    auto appended = append_at(database, entry, at);
    if (!appended) return store::Error{appended.error()};
    return store::success();
}

store::Result<std::int64_t> record_returning_id(store::Database& database, const AuditEntry& entry) {
    return append_at(database, entry, calendar::now());
}

}  // namespace madoguchi::server::audit
