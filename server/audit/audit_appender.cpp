#include "audit/audit_appender.hpp"

namespace madoguchi::server::audit {
namespace {

// Values come from requests; a stray invalid byte must not cost the record (or the change).
std::string dump(const nlohmann::json& value) {
    return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

store::Result<Appender> Appender::open(store::Database& database) {
    // Read inside the caller's write transaction: no other writer can take the same place in
    // the chain meanwhile, even from another process.
    auto end = chain_end(database);
    if (!end) return store::Error{end.error()};
    auto insert = database.prepare(
        "INSERT INTO audit_log (id, occurred_at, actor, actor_roles, source_address, action, object_type, object_id, "
        "before_json, after_json, prev_hash, hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)");
    if (!insert) return store::Error{insert.error()};
    return Appender(database, std::move(insert.value()), std::move(end.value()));
}

store::Result<std::int64_t> Appender::append(const AuditEntry& entry, calendar::Instant at) {
    return append(SerializedEntry{entry.actor, entry.action, entry.object_type, entry.object_id,
                                  entry.before ? std::optional(dump(*entry.before)) : std::nullopt,
                                  entry.after ? std::optional(dump(*entry.after)) : std::nullopt},
                  at);
}

store::Result<std::int64_t> Appender::append(SerializedEntry entry, calendar::Instant at) {
    auto occurred_at = calendar::format_iso8601_utc(at);
    const bool clock_set_back = occurred_at < end_.occurred_at;

    StoredRecord stored{end_.id + 1,
                        std::move(occurred_at),
                        entry.actor.name,
                        entry.actor.roles,
                        entry.actor.address,
                        std::string(entry.action),
                        std::string(entry.object_type),
                        std::move(entry.object_id),
                        std::move(entry.before_json),
                        std::move(entry.after_json),
                        end_.hash,
                        std::nullopt};
    stored.hash = record_hash(*stored.prev_hash, stored);

    auto& statement = insert_;
    statement.reset()
        .bind(1, stored.id)
        .bind(2, stored.occurred_at)
        .bind(3, stored.actor)
        .bind(4, stored.actor_roles)
        .bind(5, stored.source_address)
        .bind(6, stored.action)
        .bind(7, stored.object_type)
        .bind(8, stored.object_id)
        .bind(11, *stored.prev_hash)
        .bind(12, *stored.hash);
    // Unbound parameters are NULL in SQLite (reset() clears the previous record's).
    if (stored.before_json) statement.bind(9, *stored.before_json);
    if (stored.after_json) statement.bind(10, *stored.after_json);
    if (auto inserted = statement.step(); !inserted) return store::Error{inserted.error()};
    if (clock_set_back) {
        // The time search cannot bisect ids across this record (audit_query.cpp).
        auto step = database_->prepare("INSERT INTO audit_clock_steps (audit_id) VALUES (?1)");
        if (!step) return store::Error{step.error()};
        if (auto noted = step.value().bind(1, stored.id).step(); !noted) return store::Error{noted.error()};
    }
    end_ = {stored.id, std::move(stored.occurred_at), std::move(*stored.hash)};
    return end_.id;
}

}  // namespace madoguchi::server::audit
