#include "idempotency/idempotency_store.hpp"

namespace madoguchi::server::idempotency {

store::Result<std::optional<KeptResponse>> find_kept_response(store::Database& database, std::string_view principal,
                                                              std::string_view key) {
    auto select = database.prepare(
        "SELECT method, path, request_hash, response_status, response_body FROM idempotency_keys "
        "WHERE principal = ?1 AND key = ?2");
    if (!select) return store::Error{select.error()};
    auto& statement = select.value();
    statement.bind(1, principal).bind(2, key);
    auto row = statement.step();
    if (!row) return store::Error{row.error()};
    if (!row.value()) return std::optional<KeptResponse>();
    return std::optional<KeptResponse>(KeptResponse{statement.column_text(0), statement.column_text(1),
                                                    statement.column_text(2),
                                                    static_cast<int>(statement.column_int(3)),
                                                    statement.column_text(4)});
}

store::Status keep_response(store::Database& database, std::string_view principal, std::string_view key,
                            const KeptResponse& response, calendar::Instant now) {
    auto insert = database.prepare(
        "INSERT INTO idempotency_keys (principal, key, method, path, request_hash, response_status, "
        "response_body, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    if (!insert) return store::Error{insert.error()};
    insert.value()
        .bind(1, principal)
        .bind(2, key)
        .bind(3, response.method)
        .bind(4, response.path)
        .bind(5, response.request_hash)
        .bind(6, std::int64_t{response.status})
        .bind(7, response.body)
        .bind(8, calendar::format_iso8601_utc(now));
    if (auto inserted = insert.value().step(); !inserted) return store::Error{inserted.error()};
    return store::success();
}

store::Status purge_expired_keys(store::Database& database, calendar::Instant now) {
    auto purge = database.prepare("DELETE FROM idempotency_keys WHERE created_at < ?1");
    if (!purge) return store::Error{purge.error()};
    const calendar::Instant cutoff{now.unix_seconds - std::int64_t{key_retention_days} * 86400};
    // ISO 8601 UTC strings of one shape sort as their instants do.
    purge.value().bind(1, calendar::format_iso8601_utc(cutoff));
    if (auto purged = purge.value().step(); !purged) return store::Error{purged.error()};
    return store::success();
}

}  // namespace madoguchi::server::idempotency
