#include "identity/session_store.hpp"

#include <sodium.h>

#include <stdexcept>

#include "idempotency/request_hash.hpp"

namespace madoguchi::server::identity {
namespace {

calendar::Instant parse_stamp(const std::string& text) {
    const auto parsed = calendar::parse_iso8601(text);
    return parsed.instant.value_or(calendar::Instant{});
}

}  // namespace

std::string hash_token(std::string_view token) { return idempotency::sha256_hex(token); }

std::string random_token() {
    static const bool initialised = sodium_init() >= 0;
    if (!initialised) throw std::runtime_error("libsodium cannot initialise");
    unsigned char bytes[32];
    randombytes_buf(bytes, sizeof bytes);
    char encoded[sodium_base64_ENCODED_LEN(sizeof bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
    sodium_bin2base64(encoded, sizeof encoded, bytes, sizeof bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    return encoded;
}

store::Result<NewSession> create_session(store::Database& database, std::int64_t user_id, calendar::Instant now,
                                         const std::string& source_address) {
    NewSession session;
    session.token = random_token();
    session.token_hash = hash_token(session.token);
    session.csrf_token = random_token();
    const auto stamp = calendar::format_iso8601_utc(now);
    auto insert = database.prepare(
        "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, last_seen_at, source_address) "
        "VALUES (?1, ?2, ?3, ?4, ?4, ?5)");
    if (!insert) return store::Error{insert.error()};
    insert.value().bind(1, session.token_hash).bind(2, user_id).bind(3, session.csrf_token).bind(4, stamp).bind(5, source_address);
    if (auto done = insert.value().step(); !done) return store::Error{done.error()};
    return session;
}

store::Result<std::optional<SessionRow>> find_live_session(store::Database& database, std::string_view token,
                                                           calendar::Instant now, const SessionPolicy& policy) {
    const auto token_hash = hash_token(token);
    auto select =
        database.prepare("SELECT user_id, csrf_token, created_at, last_seen_at FROM sessions WHERE token_hash = ?1");
    if (!select) return store::Error{select.error()};
    select.value().bind(1, token_hash);
    auto row = select.value().step();
    if (!row) return store::Error{row.error()};
    if (!row.value()) return std::optional<SessionRow>();
    const auto& statement = select.value();
    SessionRow session{token_hash, statement.column_int(0), statement.column_text(1),
                       parse_stamp(statement.column_text(2)), parse_stamp(statement.column_text(3))};
    const bool idle = now.unix_seconds - session.last_seen_at.unix_seconds >= policy.idle_timeout.count();
    const bool expired = now.unix_seconds - session.created_at.unix_seconds >= policy.absolute_timeout.count();
    if (idle || expired) {
        if (auto deleted = delete_session(database, token_hash); !deleted) return store::Error{deleted.error()};
        return std::optional<SessionRow>();
    }
    return std::optional<SessionRow>(std::move(session));
}

store::Status touch_session(store::Database& database, const std::string& token_hash, calendar::Instant now) {
    auto update = database.prepare("UPDATE sessions SET last_seen_at = ?2 WHERE token_hash = ?1");
    if (!update) return store::Error{update.error()};
    update.value().bind(1, token_hash).bind(2, calendar::format_iso8601_utc(now));
    if (auto done = update.value().step(); !done) return store::Error{done.error()};
    return store::success();
}

store::Status delete_session(store::Database& database, const std::string& token_hash) {
    auto remove = database.prepare("DELETE FROM sessions WHERE token_hash = ?1");
    if (!remove) return store::Error{remove.error()};
    remove.value().bind(1, token_hash);
    if (auto done = remove.value().step(); !done) return store::Error{done.error()};
    return store::success();
}

store::Status delete_user_sessions(store::Database& database, std::int64_t user_id, const std::string& keep_hash) {
    auto remove = database.prepare("DELETE FROM sessions WHERE user_id = ?1 AND token_hash <> ?2");
    if (!remove) return store::Error{remove.error()};
    remove.value().bind(1, user_id).bind(2, keep_hash);
    if (auto done = remove.value().step(); !done) return store::Error{done.error()};
    return store::success();
}

}  // namespace madoguchi::server::identity
