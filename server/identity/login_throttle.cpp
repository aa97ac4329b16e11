#include "identity/login_throttle.hpp"

#include <algorithm>

#include "identity/user.hpp"

namespace madoguchi::server::identity {
namespace {

std::optional<calendar::Instant> parse_stamp(const std::string& text) { return calendar::parse_iso8601(text).instant; }

}  // namespace

std::string login_key(std::string_view login) {
    // Bounded, so a megabyte-long login does not become a megabyte-long key.
    return "login:" + madoguchi::identity::normalise_login(login.substr(0, 128));
}

std::string address_key(std::string_view address) { return "address:" + std::string(address); }

store::Result<std::optional<calendar::Instant>> blocked_until(store::Database& database,
                                                              const std::vector<std::string>& keys,
                                                              calendar::Instant now) {
    std::optional<calendar::Instant> latest;
    for (const auto& key : keys) {
        auto select = database.prepare("SELECT blocked_until FROM login_throttle WHERE key = ?1");
        if (!select) return store::Error{select.error()};
        select.value().bind(1, key);
        auto row = select.value().step();
        if (!row) return store::Error{row.error()};
        if (!row.value()) continue;
        const auto until = parse_stamp(select.value().column_text(0));
        if (until && *until > now && (!latest || *until > *latest)) latest = until;
    }
    return latest;
}

store::Status record_failure(store::Database& database, const std::string& key, int threshold,
                             const ThrottlePolicy& policy, calendar::Instant now) {
    std::int64_t failures = 1;
    auto select = database.prepare("SELECT failures, last_failure_at FROM login_throttle WHERE key = ?1");
    if (!select) return store::Error{select.error()};
    select.value().bind(1, key);
    auto row = select.value().step();
    if (!row) return store::Error{row.error()};
    if (row.value()) {
        const auto last = parse_stamp(select.value().column_text(1));
        const bool recent = last && now.unix_seconds - last->unix_seconds < policy.forget_after_seconds;
        if (recent) failures = select.value().column_int(0) + 1;
    }
    calendar::Instant until = now;
    if (failures >= threshold) {
        const auto doublings = std::min<std::int64_t>(failures - threshold, 20);
        until.unix_seconds += std::min(policy.first_delay_seconds << doublings, policy.max_delay_seconds);
    }
    auto upsert = database.prepare(
        "INSERT INTO login_throttle (key, failures, last_failure_at, blocked_until) VALUES (?1, ?2, ?3, ?4) "
        "ON CONFLICT (key) DO UPDATE SET failures = excluded.failures, last_failure_at = excluded.last_failure_at, "
        "blocked_until = excluded.blocked_until");
    if (!upsert) return store::Error{upsert.error()};
    upsert.value()
        .bind(1, key)
        .bind(2, failures)
        .bind(3, calendar::format_iso8601_utc(now))
        .bind(4, calendar::format_iso8601_utc(until));
    if (auto done = upsert.value().step(); !done) return store::Error{done.error()};
    return store::success();
}

store::Status clear_failures(store::Database& database, const std::string& key) {
    auto remove = database.prepare("DELETE FROM login_throttle WHERE key = ?1");
    if (!remove) return store::Error{remove.error()};
    remove.value().bind(1, key);
    if (auto done = remove.value().step(); !done) return store::Error{done.error()};
    return store::success();
}

nlohmann::json to_json(const ThrottleEntry& entry) {
    return {{"key", entry.key},
            {"failures", entry.failures},
            {"last_failure_at", entry.last_failure_at},
            {"blocked_until", entry.blocked_until}};
}

store::Result<std::vector<ThrottleEntry>> list_throttled(store::Database& database, int min_failures,
                                                         const ThrottlePolicy& policy, calendar::Instant now) {
    auto select = database.prepare(
        "SELECT key, failures, last_failure_at, blocked_until FROM login_throttle "
        "WHERE failures >= ?1 AND last_failure_at >= ?2 ORDER BY last_failure_at DESC");
    if (!select) return store::Error{select.error()};
    select.value()
        .bind(1, std::int64_t{min_failures})
        .bind(2, calendar::format_iso8601_utc(calendar::Instant{now.unix_seconds - policy.forget_after_seconds}));
    std::vector<ThrottleEntry> entries;
    while (true) {
        auto row = select.value().step();
        if (!row) return store::Error{row.error()};
        if (!row.value()) break;
        const auto& statement = select.value();
        entries.push_back({statement.column_text(0), statement.column_int(1), statement.column_text(2),
                           statement.column_text(3)});
    }
    return entries;
}

}  // namespace madoguchi::server::identity
