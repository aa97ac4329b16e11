#pragma once
// Slows down password guessing (table login_throttle). Failures are counted per login name
// (whether or not the account exists, so a block says nothing about existence) and per
// source address. Past a threshold each further failure blocks the key for twice as long,
// up to a cap; a success clears the login's count. Counts older than a day start afresh.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "calendar/tokyo_time.hpp"
#include "store/database.hpp"

namespace madoguchi::server::identity {

struct ThrottlePolicy {
    int login_threshold = 5;      // failures of one login before delays start
    int address_threshold = 30;   // one address signs many people in at a counter or behind a proxy
    std::int64_t first_delay_seconds = 2;
    std::int64_t max_delay_seconds = 15 * 60;
    std::int64_t forget_after_seconds = 24 * 60 * 60;
};

std::string login_key(std::string_view login);      // "login:<lower-case login>"
std::string address_key(std::string_view address);  // "address:<ip>"

// The latest time until which any of the keys is blocked, when it is later than now.
store::Result<std::optional<calendar::Instant>> blocked_until(store::Database& database,
                                                              const std::vector<std::string>& keys,
                                                              calendar::Instant now);
store::Status record_failure(store::Database& database, const std::string& key, int threshold,
                             const ThrottlePolicy& policy, calendar::Instant now);
store::Status clear_failures(store::Database& database, const std::string& key);

struct ThrottleEntry {
    std::string key;
    std::int64_t failures = 0;
    std::string last_failure_at;
    std::string blocked_until;
};
nlohmann::json to_json(const ThrottleEntry& entry);

// Keys with at least `min_failures` failures in the last day, most recent first (admin view).
store::Result<std::vector<ThrottleEntry>> list_throttled(store::Database& database, int min_failures,
                                                         const ThrottlePolicy& policy, calendar::Instant now);

}  // namespace madoguchi::server::identity
