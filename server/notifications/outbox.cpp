#include "notifications/outbox.hpp"

#include <array>

#include "calendar/tokyo_time.hpp"
#include "identity/user.hpp"
#include "notifications/notification_event.hpp"
#include "notifications/template_store.hpp"

namespace madoguchi::server::notifications {
namespace {

namespace domain = madoguchi::notifications;

constexpr std::array channel_names{std::string_view("email"), std::string_view("slack")};
constexpr std::array state_names{std::string_view("pending"), std::string_view("sending"), std::string_view("sent"),
                                 std::string_view("failed")};

template <class Enum, std::size_t size>
std::optional<Enum> parse_name(const std::array<std::string_view, size>& names, std::string_view name) {
    for (std::size_t index = 0; index < size; ++index) {
        if (names[index] == name) return static_cast<Enum>(index);
    }
    return std::nullopt;
}

std::optional<std::string> recipient_problem(const Recipient& recipient) {
    if (recipient.channel == Channel::email && !identity::is_plausible_email(recipient.address)) {
        return "'" + recipient.address + "' is not an e-mail address";
    }
    if (recipient.channel == Channel::slack && !is_webhook_name(recipient.address)) {
        return "'" + recipient.address + "' is not a webhook name (a-z, 0-9, _ and -)";
    }
    return std::nullopt;
}

constexpr std::string_view message_columns =
    "SELECT id, event, channel, recipient, subject, body, state, failures, next_attempt_at, queued_at, queued_by, "
    "sent_at, last_error FROM notification_outbox";

OutboxMessage message_of(const store::Statement& s) {
    OutboxMessage message;
    message.id = s.column_int(0);
    message.event = s.column_text(1);
    message.channel = parse_channel(s.column_text(2)).value_or(Channel::email);
    message.recipient = s.column_text(3);
    message.subject = s.column_text(4);
    message.body = s.column_text(5);
    message.state = parse_state(s.column_text(6)).value_or(OutboxState::pending);
    message.failures = s.column_int(7);
    message.next_attempt_at = s.column_text(8);
    message.queued_at = s.column_text(9);
    message.queued_by = s.column_text(10);
    message.sent_at = s.column_text(11);
    message.last_error = s.column_text(12);
    return message;
}

store::Status add_attempts(store::Database& database, OutboxMessage& message) {
    auto query = database.prepare(
        "SELECT started_at, finished_at, outcome, detail FROM notification_attempts WHERE outbox_id = ?1 ORDER BY id");
    if (!query) return store::Error{query.error()};
    query.value().bind(1, message.id);
    while (true) {
        auto row = query.value().step();
        if (!row) return store::Error{row.error()};
        if (!row.value()) return store::success();
        const auto& s = query.value();
        message.attempts.push_back({s.column_text(0), s.column_text(1), s.column_text(2), s.column_text(3)});
    }
}

}  // namespace

bool is_webhook_name(std::string_view name) {
    if (name.empty() || name.size() > 64) return false;
    for (const char c : name) {
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) return false;
    }
    return true;
}

std::string_view channel_name(Channel channel) { return channel_names[static_cast<std::size_t>(channel)]; }
std::optional<Channel> parse_channel(std::string_view name) { return parse_name<Channel>(channel_names, name); }
std::string_view state_name(OutboxState state) { return state_names[static_cast<std::size_t>(state)]; }
std::optional<OutboxState> parse_state(std::string_view name) { return parse_name<OutboxState>(state_names, name); }

store::Result<std::vector<std::int64_t>> enqueue(store::Database& database, const NotificationRequest& request,
                                                 const audit::Actor& actor) {
    if (domain::find_event(request.event) == nullptr) return store::Error{"unknown notification event " + request.event};
    const auto& key = request.template_key.empty() ? request.event : request.template_key;
    auto found = find_template(database, key);
    if (!found) return store::Error{found.error()};
    if (!found.value()) return store::Error{"no notification template " + key};
    auto rendered = domain::render(found.value()->text, request.values);
    if (const auto* failed = std::get_if<domain::RenderError>(&rendered)) {
        return store::Error{"notification template " + key + ": " + failed->message};
    }
    const auto& message = std::get<domain::RenderedMessage>(rendered);
    const auto now = calendar::format_iso8601_utc(calendar::now());
    auto insert = database.prepare(
        "INSERT INTO notification_outbox (event, channel, recipient, subject, body, state, next_attempt_at, queued_at, "
        "queued_by) VALUES (?1, ?2, ?3, ?4, ?5, 'pending', ?6, ?6, ?7) RETURNING id");
    if (!insert) return store::Error{insert.error()};
    std::vector<std::int64_t> ids;
    for (const auto& recipient : request.recipients) {
        if (auto problem = recipient_problem(recipient)) return store::Error{"notification " + request.event + ": " + *problem};
        insert.value().reset().bind(1, request.event).bind(2, channel_name(recipient.channel)).bind(3, recipient.address)
            .bind(4, message.subject).bind(5, message.body).bind(6, now).bind(7, actor.name);
        auto row = insert.value().step();
        if (!row) return store::Error{row.error()};
        const auto id = insert.value().column_int(0);
        // Finish the statement before the audit writes: a RETURNING row keeps it open.
        insert.value().reset();
        auto queued = find_message(database, id);
        if (!queued) return store::Error{queued.error()};
        auto recorded = audit::record(database, {actor, "notification.queued", "notification", std::to_string(id),
                                                 std::nullopt, to_json(*queued.value())});
        if (!recorded) return store::Error{recorded.error()};
        ids.push_back(id);
    }
    return ids;
}

nlohmann::json to_json(const OutboxMessage& message) {
    auto attempts = nlohmann::json::array();
    for (const auto& attempt : message.attempts) {
        attempts.push_back({{"started_at", attempt.started_at},
                            {"finished_at", attempt.finished_at},
                            {"outcome", attempt.outcome},
                            {"detail", attempt.detail}});
    }
    return {{"id", message.id},
            {"event", message.event},
            {"channel", channel_name(message.channel)},
            {"recipient", message.recipient},
            {"subject", message.subject},
            {"body", message.body},
            {"state", state_name(message.state)},
            {"failures", message.failures},
            {"next_attempt_at", message.next_attempt_at},
            {"queued_at", message.queued_at},
            {"queued_by", message.queued_by},
            {"sent_at", message.sent_at},
            {"last_error", message.last_error},
            {"attempts", attempts}};
}

store::Result<std::optional<OutboxMessage>> find_message(store::Database& database, std::int64_t id) {
    auto query = database.prepare(std::string(message_columns) + " WHERE id = ?1");
    if (!query) return store::Error{query.error()};
    query.value().bind(1, id);
    auto row = query.value().step();
    if (!row) return store::Error{row.error()};
    if (!row.value()) return std::optional<OutboxMessage>();
    auto message = message_of(query.value());
    if (auto added = add_attempts(database, message); !added) return store::Error{added.error()};
    return std::optional(std::move(message));
}

store::Result<std::vector<OutboxMessage>> list_messages(store::Database& database, std::optional<OutboxState> state,
                                                        std::int64_t limit, std::int64_t offset) {
    auto query = database.prepare(std::string(message_columns) +
                                  " WHERE ?1 = '' OR state = ?1 ORDER BY id DESC LIMIT ?2 OFFSET ?3");
    if (!query) return store::Error{query.error()};
    // "" rather than an empty string_view, whose null data SQLite would bind as NULL.
    query.value().bind(1, state ? state_name(*state) : std::string_view("")).bind(2, limit).bind(3, offset);
    std::vector<OutboxMessage> messages;
    while (true) {
        auto row = query.value().step();
        if (!row) return store::Error{row.error()};
        if (!row.value()) break;
        messages.push_back(message_of(query.value()));
    }
    for (auto& message : messages) {
        if (auto added = add_attempts(database, message); !added) return store::Error{added.error()};
    }
    return messages;
}

}  // namespace madoguchi::server::notifications
