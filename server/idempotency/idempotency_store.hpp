#pragma once
// Kept answers to idempotent requests (table idempotency_keys).
#include <optional>
#include <string>
#include <string_view>

#include "calendar/tokyo_time.hpp"
#include "store/database.hpp"

namespace madoguchi::server::idempotency {

// A client retries a draft for days at most; after this a key may be forgotten.
inline constexpr int key_retention_days = 30;

struct KeptResponse {
    std::string method;
    std::string path;
    std::string request_hash;
    int status = 0;
    std::string body;
};

store::Result<std::optional<KeptResponse>> find_kept_response(store::Database& database, std::string_view principal,
                                                              std::string_view key);
store::Status keep_response(store::Database& database, std::string_view principal, std::string_view key,
                            const KeptResponse& response, calendar::Instant now);
// Forgets keys older than key_retention_days; cheap through the index on created_at.
store::Status purge_expired_keys(store::Database& database, calendar::Instant now);

}  // namespace madoguchi::server::idempotency
