#pragma once
// Signed-in browsers (table sessions). The cookie carries a random token; the table keeps
// only its SHA-256, so a copy of the database signs nobody in.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include "calendar/tokyo_time.hpp"
#include "store/database.hpp"

namespace madoguchi::server::identity {

struct SessionPolicy {
    // Signed out after this long without a request…
    std::chrono::seconds idle_timeout = std::chrono::minutes(60);
    // …and after this long in any case (a working day and a half).
    std::chrono::seconds absolute_timeout = std::chrono::hours(12);
};

struct NewSession {
    std::string token;       // for the cookie; 43 characters of base64url
    std::string token_hash;  // as stored
    std::string csrf_token;  // for the X-CSRF-Token header
};

struct SessionRow {
    std::string token_hash;
    std::int64_t user_id = 0;
    std::string csrf_token;
    calendar::Instant created_at;
    calendar::Instant last_seen_at;
};

std::string hash_token(std::string_view token);
// 32 random bytes as base64url without padding.
std::string random_token();

store::Result<NewSession> create_session(store::Database& database, std::int64_t user_id, calendar::Instant now,
                                         const std::string& source_address);
// The live session for the cookie's token, or empty when there is none or it has timed out
// (a timed-out one is deleted on the way).
store::Result<std::optional<SessionRow>> find_live_session(store::Database& database, std::string_view token,
                                                           calendar::Instant now, const SessionPolicy& policy);
store::Status touch_session(store::Database& database, const std::string& token_hash, calendar::Instant now);
store::Status delete_session(store::Database& database, const std::string& token_hash);
// Every session of the user except `keep_hash` (empty: all of them).
store::Status delete_user_sessions(store::Database& database, std::int64_t user_id, const std::string& keep_hash);

}  // namespace madoguchi::server::identity
