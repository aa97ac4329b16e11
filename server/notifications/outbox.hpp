#pragma once
// The notification outbox (通知キュー): the API the business code calls to tell people about a
// change. enqueue() renders the event's template and writes one row per recipient inside the
// caller's transaction, so a message exists exactly when the change it tells about was
// committed; the outbox worker (outbox_worker.hpp) sends the rows later.
//
//   database.transaction([&] {
//       … change the ticket, audit it …
//       return notifications::enqueue(database, {"ticket.assigned", {Recipient::email("sato@example.go.jp")},
//                                                {}, {{"ticket_number", "T-2026-0042"}, …}}, actor).status();
//   });
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "audit/audit_log.hpp"
#include "notifications/message_template.hpp"
#include "store/database.hpp"

namespace madoguchi::server::notifications {

using madoguchi::notifications::PlaceholderValues;

enum class Channel { email, slack };
std::string_view channel_name(Channel channel);
std::optional<Channel> parse_channel(std::string_view name);

// A Slack webhook's name: 1–64 of a-z, 0-9, _ and -.
bool is_webhook_name(std::string_view name);

struct Recipient {
    Channel channel = Channel::email;
    // An e-mail address, or the name of a Slack webhook configured with serve --slack-webhook.
    std::string address;

    static Recipient email(std::string address) { return {Channel::email, std::move(address)}; }
    static Recipient slack(std::string webhook) { return {Channel::slack, std::move(webhook)}; }
};

struct NotificationRequest {
    std::string event;  // a key of notifications/notification_event.hpp, e.g. "ticket.assigned"
    std::vector<Recipient> recipients;
    std::string template_key;  // empty: the event's own template
    PlaceholderValues values;
};

// Queues one message per recipient, audited as notification.queued; answers the rows' ids.
// Fails (so the caller rolls back) for an unknown event or template, a template placeholder
// without a value, or an address that is not one: a change never commits with its
// notification silently dropped. Needs the caller's write transaction.
store::Result<std::vector<std::int64_t>> enqueue(store::Database& database, const NotificationRequest& request,
                                                 const audit::Actor& actor);

enum class OutboxState { pending, sending, sent, failed };
std::string_view state_name(OutboxState state);
std::optional<OutboxState> parse_state(std::string_view name);

struct DeliveryAttempt {
    std::string started_at;
    std::string finished_at;
    std::string outcome;  // sent, failed, interrupted (the server stopped during the send)
    std::string detail;
};

struct OutboxMessage {
    std::int64_t id = 0;
    std::string event;
    Channel channel = Channel::email;
    std::string recipient;
    std::string subject;
    std::string body;
    OutboxState state = OutboxState::pending;
    std::int64_t failures = 0;  // failed attempts in a row since queued or retried
    std::string next_attempt_at;
    std::string queued_at;
    std::string queued_by;
    std::string sent_at;
    std::string last_error;
    std::vector<DeliveryAttempt> attempts;  // filled by find_message and list_messages
};

nlohmann::json to_json(const OutboxMessage& message);

store::Result<std::optional<OutboxMessage>> find_message(store::Database& database, std::int64_t id);
// Newest first; all states when `state` is empty.
store::Result<std::vector<OutboxMessage>> list_messages(store::Database& database, std::optional<OutboxState> state,
                                                        std::int64_t limit, std::int64_t offset);

}  // namespace madoguchi::server::notifications
