#include "notifications/outbox_delivery.hpp"

#include <algorithm>
#include <vector>

namespace madoguchi::server::notifications {
namespace {

std::string iso(calendar::Instant instant) { return calendar::format_iso8601_utc(instant); }

store::Status record_change(store::Database& database, const audit::Actor& actor, std::string action,
                            const OutboxMessage& before, const OutboxMessage& after) {
    return audit::record(database, {actor, std::move(action), "notification", std::to_string(after.id),
                                    to_json(before), to_json(after)});
}

store::Status insert_attempt(store::Database& database, std::int64_t id, const std::string& started,
                             const std::string& finished, std::string_view outcome, const std::string& detail) {
    auto insert = database.prepare(
        "INSERT INTO notification_attempts (outbox_id, started_at, finished_at, outcome, detail) "
        "VALUES (?1, ?2, ?3, ?4, ?5)");
    if (!insert) return store::Error{insert.error()};
    insert.value().bind(1, id).bind(2, started).bind(3, finished).bind(4, outcome).bind(5, detail);
    if (auto done = insert.value().step(); !done) return store::Error{done.error()};
    return store::success();
}

store::Status update_state(store::Database& database, const OutboxMessage& message) {
    auto update = database.prepare(
        "UPDATE notification_outbox SET state = ?2, failures = ?3, next_attempt_at = ?4, sent_at = ?5, last_error = ?6 "
        "WHERE id = ?1");
    if (!update) return store::Error{update.error()};
    update.value().bind(1, message.id).bind(2, state_name(message.state)).bind(3, message.failures)
        .bind(4, message.next_attempt_at).bind(5, message.sent_at).bind(6, message.last_error);
    if (auto done = update.value().step(); !done) return store::Error{done.error()};
    return store::success();
}

// The message as stored now, for a change's before/after.
store::Result<OutboxMessage> reload(store::Database& database, std::int64_t id) {
    auto found = find_message(database, id);
    if (!found) return store::Error{found.error()};
    if (!found.value()) return store::Error{std::string("notification ").append(std::to_string(id)).append(" vanished")};
    return std::move(*found.value());
}

}  // namespace

std::chrono::seconds retry_delay(const RetryPolicy& policy, std::int64_t failures) {
    auto delay = policy.first_delay;
    for (std::int64_t doubled = 1; doubled < failures && delay < policy.max_delay; ++doubled) delay *= 2;
    return std::min(delay, policy.max_delay);
}

store::Result<int> recover_interrupted(store::Database& database, calendar::Instant now) {
    int recovered = 0;
    auto status = database.transaction([&]() -> store::Status {
        auto query = database.prepare("SELECT id FROM notification_outbox WHERE state = 'sending' ORDER BY id");
        if (!query) return store::Error{query.error()};
        std::vector<std::int64_t> ids;
        while (true) {
            auto row = query.value().step();
            if (!row) return store::Error{row.error()};
            if (!row.value()) break;
            ids.push_back(query.value().column_int(0));
        }
        for (const auto id : ids) {
            auto before = reload(database, id);
            if (!before) return store::Error{before.error()};
            auto after = before.value();
            const std::string detail = "the server stopped during the send";
            if (auto added = insert_attempt(database, id, after.next_attempt_at, iso(now), "interrupted", detail); !added) {
                return added;
            }
            after.state = OutboxState::pending;
            after.next_attempt_at = iso(now);
            after.last_error = detail;
            if (auto updated = update_state(database, after); !updated) return updated;
            auto recorded = reload(database, id);
            if (!recorded) return store::Error{recorded.error()};
            if (auto audited = record_change(database, audit::system_actor, "notification.interrupted", before.value(),
                                             recorded.value());
                !audited) {
                return audited;
            }
            ++recovered;
        }
        return store::success();
    });
    if (!status) return store::Error{status.error()};
    return recovered;
}

store::Result<std::optional<OutboxMessage>> claim_due(store::Database& database, calendar::Instant now,
                                                      std::span<const Channel> channels) {
    std::optional<OutboxMessage> claimed;
    if (channels.empty()) return claimed;
    std::string channel_list;
    for (const auto channel : channels) {
        channel_list += channel_list.empty() ? "'" : ",'";
        channel_list.append(channel_name(channel)).append("'");
    }
    auto status = database.transaction([&]() -> store::Status {
        auto query = database.prepare(
            "SELECT id FROM notification_outbox WHERE state = 'pending' AND next_attempt_at <= ?1 AND channel IN (" +
            channel_list + ") ORDER BY next_attempt_at, id LIMIT 1");
        if (!query) return store::Error{query.error()};
        query.value().bind(1, iso(now));
        auto row = query.value().step();
        if (!row) return store::Error{row.error()};
        if (!row.value()) return store::success();
        const auto id = query.value().column_int(0);
        query.value().reset();
        auto message = reload(database, id);
        if (!message) return store::Error{message.error()};
        // next_attempt_at holds the attempt's start while it is sending (an interrupted attempt's start).
        message.value().state = OutboxState::sending;
        message.value().next_attempt_at = iso(now);
        if (auto updated = update_state(database, message.value()); !updated) return updated;
        claimed = std::move(message.value());
        return store::success();
    });
    if (!status) return store::Error{status.error()};
    return claimed;
}

store::Status record_outcome(store::Database& database, const OutboxMessage& message, calendar::Instant started,
                             const SendOutcome& outcome, calendar::Instant now, const RetryPolicy& policy) {
    return database.transaction([&]() -> store::Status {
        auto before = reload(database, message.id);
        if (!before) return store::Error{before.error()};
        if (auto added = insert_attempt(database, message.id, iso(started), iso(now), outcome.sent ? "sent" : "failed",
                                        outcome.detail);
            !added) {
            return added;
        }
        auto after = before.value();
        std::string action;
        if (outcome.sent) {
            after.state = OutboxState::sent;
            after.sent_at = iso(now);
            after.failures = 0;
            after.last_error.clear();
            action = "notification.sent";
        } else {
            after.failures += 1;
            after.last_error = outcome.detail;
            if (after.failures >= policy.max_attempts) {
                after.state = OutboxState::failed;
                action = "notification.failed";
            } else {
                after.state = OutboxState::pending;
                after.next_attempt_at = iso({now.unix_seconds + retry_delay(policy, after.failures).count()});
                action = "notification.deferred";
            }
        }
        if (auto updated = update_state(database, after); !updated) return updated;
        auto recorded = reload(database, message.id);
        if (!recorded) return store::Error{recorded.error()};
        return record_change(database, audit::system_actor, action, before.value(), recorded.value());
    });
}

store::Result<http::Reply> retry_message(store::Database& database, std::int64_t id, const audit::Actor& actor) {
    auto found = find_message(database, id);
    if (!found) return store::Error{found.error()};
    if (!found.value()) return http::refusal(404, api::make_error("not_found"));
    const auto& before = *found.value();
    if (before.state == OutboxState::sent || before.state == OutboxState::sending) {
        auto refused = api::to_json(api::make_error("notification_not_retryable"));
        refused["notification"] = to_json(before);
        return http::Reply{409, refused};
    }
    auto after = before;
    after.state = OutboxState::pending;
    after.failures = 0;
    after.next_attempt_at = iso(calendar::now());
    if (auto updated = update_state(database, after); !updated) return store::Error{updated.error()};
    auto recorded = reload(database, id);
    if (!recorded) return store::Error{recorded.error()};
    if (auto audited = record_change(database, actor, "notification.retried", before, recorded.value()); !audited) {
        return store::Error{audited.error()};
    }
    return http::Reply{200, {{"notification", to_json(recorded.value())}}};
}

}  // namespace madoguchi::server::notifications
