#include "notifications/inbox.hpp"

namespace madoguchi::server::notifications {
namespace {

namespace domain = madoguchi::notifications;

constexpr std::string_view entry_columns =
    "SELECT id, event, ticket_id, ticket_number, title_ja, body_ja, title_en, body_en, created_at, read_at, "
    "loan_request_id, loan_request_number FROM notification_inbox";

InboxEntry entry_of(const store::Statement& s) {
    InboxEntry entry;
    entry.id = s.column_int(0);
    entry.event = s.column_text(1);
    if (!s.column_is_null(2)) entry.reference.ticket_id = s.column_int(2);
    entry.reference.ticket_number = s.column_text(3);
    entry.title_ja = s.column_text(4);
    entry.body_ja = s.column_text(5);
    entry.title_en = s.column_text(6);
    entry.body_en = s.column_text(7);
    entry.created_at = s.column_text(8);
    if (!s.column_is_null(9)) entry.read_at = s.column_text(9);
    if (!s.column_is_null(10)) entry.reference.loan_request_id = s.column_int(10);
    entry.reference.loan_request_number = s.column_text(11);
    return entry;
}

// One language of the template: render() of a Japanese-only text gives it alone.
std::variant<domain::RenderedMessage, domain::RenderError> render_one(const std::string& subject, const std::string& body,
                                                                      const domain::PlaceholderValues& values) {
    return domain::render(domain::TemplateText{subject, body, "", ""}, values);
}

store::Result<std::optional<InboxEntry>> find_entry(store::Database& database, std::int64_t user_id, std::int64_t id) {
    auto select = database.prepare(std::string(entry_columns) + " WHERE id = ?1 AND user_id = ?2");
    if (!select) return store::Error{select.error()};
    select.value().bind(1, id).bind(2, user_id);
    auto row = select.value().step();
    if (!row) return store::Error{row.error()};
    if (!row.value()) return std::optional<InboxEntry>{};
    return std::optional<InboxEntry>{entry_of(select.value())};
}

store::Status forget_expired(store::Database& database, calendar::Instant now) {
    auto purge = database.prepare("DELETE FROM notification_inbox WHERE created_at < ?1");
    if (!purge) return store::Error{purge.error()};
    const calendar::Instant cutoff{now.unix_seconds - std::int64_t{inbox_retention_days} * 86400};
    purge.value().bind(1, calendar::format_iso8601_utc(cutoff));
    if (auto purged = purge.value().step(); !purged) return store::Error{purged.error()};
    return store::success();
}

}  // namespace

nlohmann::json to_json(const InboxEntry& entry) {
    return {{"id", entry.id},
            {"event", entry.event},
            {"ticket_id", entry.reference.ticket_id ? nlohmann::json(*entry.reference.ticket_id) : nlohmann::json(nullptr)},
            {"ticket_number", entry.reference.ticket_number},
            {"loan_request_id", entry.reference.loan_request_id ? nlohmann::json(*entry.reference.loan_request_id)
                                                                : nlohmann::json(nullptr)},
            {"loan_request_number", entry.reference.loan_request_number},
            {"title_ja", entry.title_ja},
            {"body_ja", entry.body_ja},
            {"title_en", entry.title_en},
            {"body_en", entry.body_en},
            {"created_at", entry.created_at},
            {"read_at", entry.read_at ? nlohmann::json(*entry.read_at) : nlohmann::json(nullptr)}};
}

store::Status deliver_to_inbox(store::Database& database, const std::string& event, const std::vector<std::int64_t>& user_ids,
                               const domain::TemplateText& text, const domain::PlaceholderValues& values,
                               const InboxReference& reference, const audit::Actor& actor, calendar::Instant now) {
    if (user_ids.empty()) return store::success();
    auto japanese = render_one(text.subject_ja, text.body_ja, values);
    if (const auto* failed = std::get_if<domain::RenderError>(&japanese)) {
        return store::Error{"notification " + event + " (in-app): " + failed->message};
    }
    domain::RenderedMessage english;
    if (!text.subject_en.empty()) {
        auto rendered = render_one(text.subject_en, text.body_en, values);
        if (const auto* failed = std::get_if<domain::RenderError>(&rendered)) {
            return store::Error{"notification " + event + " (in-app, English): " + failed->message};
        }
        english = std::get<domain::RenderedMessage>(rendered);
    }
    if (auto forgotten = forget_expired(database, now); !forgotten) return forgotten;
    const auto& ja = std::get<domain::RenderedMessage>(japanese);
    auto insert = database.prepare(
        "INSERT INTO notification_inbox (user_id, event, ticket_id, ticket_number, title_ja, body_ja, title_en, body_en, "
        "created_at, loan_request_id, loan_request_number) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) "
        "RETURNING id");
    if (!insert) return store::Error{insert.error()};
    const auto created_at = calendar::format_iso8601_utc(now);
    for (const auto user_id : user_ids) {
        auto& statement = insert.value().reset();
        statement.bind(1, user_id).bind(2, event);
        if (reference.ticket_id) statement.bind(3, *reference.ticket_id);
        statement.bind(4, reference.ticket_number).bind(5, ja.subject).bind(6, ja.body).bind(7, english.subject)
            .bind(8, english.body).bind(9, created_at).bind(11, reference.loan_request_number);
        if (reference.loan_request_id) statement.bind(10, *reference.loan_request_id);
        auto row = statement.step();
        if (!row) return store::Error{row.error()};
        const auto id = statement.column_int(0);
        statement.reset();  // a RETURNING row keeps the statement open: finish it before the audit write
        auto added = find_entry(database, user_id, id);
        if (!added) return store::Error{added.error()};
        auto after = to_json(*added.value());
        after["user_id"] = user_id;
        auto recorded = audit::record(database, {actor, "notification.inbox_added", "notification_inbox", std::to_string(id),
                                                 std::nullopt, after});
        if (!recorded) return store::Error{recorded.error()};
    }
    return store::success();
}

store::Result<InboxPage> list_inbox(store::Database& database, const InboxQuery& query) {
    InboxPage page;
    std::string sql(entry_columns);
    sql += " WHERE user_id = ?1";
    if (query.unread_only) sql += " AND read_at IS NULL";
    if (query.after) sql += " AND id < ?3";
    // Ids grow with creation, so the newest first is the highest id first; one more row than
    // asked tells whether a next page exists.
    sql += " ORDER BY id DESC LIMIT ?2";
    auto select = database.prepare(sql);
    if (!select) return store::Error{select.error()};
    select.value().bind(1, query.user_id).bind(2, std::int64_t{query.limit} + 1);
    if (query.after) select.value().bind(3, query.after->id);
    while (true) {
        auto row = select.value().step();
        if (!row) return store::Error{row.error()};
        if (!row.value()) break;
        page.entries.push_back(entry_of(select.value()));
    }
    if (page.entries.size() > static_cast<std::size_t>(query.limit)) {
        page.entries.pop_back();
        page.next = inventory::DeviceCursor{page.entries.back().created_at, page.entries.back().id};
    }
    auto unread = database.prepare("SELECT count(*) FROM notification_inbox WHERE user_id = ?1 AND read_at IS NULL");
    if (!unread) return store::Error{unread.error()};
    unread.value().bind(1, query.user_id);
    auto counted = unread.value().step();
    if (!counted) return store::Error{counted.error()};
    page.unread = unread.value().column_int(0);
    return page;
}

store::Result<std::optional<InboxEntry>> mark_read(store::Database& database, std::int64_t user_id, std::int64_t id,
                                                   const audit::Actor& actor, calendar::Instant now) {
    auto before = find_entry(database, user_id, id);
    if (!before) return store::Error{before.error()};
    if (!before.value() || before.value()->read_at) return before;
    auto update = database.prepare("UPDATE notification_inbox SET read_at = ?1 WHERE id = ?2 AND user_id = ?3");
    if (!update) return store::Error{update.error()};
    update.value().bind(1, calendar::format_iso8601_utc(now)).bind(2, id).bind(3, user_id);
    if (auto updated = update.value().step(); !updated) return store::Error{updated.error()};
    auto after = find_entry(database, user_id, id);
    if (!after) return store::Error{after.error()};
    auto recorded = audit::record(database, {actor, "notification.read", "notification_inbox", std::to_string(id),
                                             nlohmann::json{{"read_at", nullptr}},
                                             nlohmann::json{{"read_at", *after.value()->read_at}}});
    if (!recorded) return store::Error{recorded.error()};
    return after;
}

store::Result<std::int64_t> mark_all_read(store::Database& database, std::int64_t user_id, const audit::Actor& actor,
                                          calendar::Instant now) {
    auto update = database.prepare("UPDATE notification_inbox SET read_at = ?1 WHERE user_id = ?2 AND read_at IS NULL");
    if (!update) return store::Error{update.error()};
    const auto read_at = calendar::format_iso8601_utc(now);
    update.value().bind(1, read_at).bind(2, user_id);
    if (auto updated = update.value().step(); !updated) return store::Error{updated.error()};
    const auto marked = database.changes();
    if (marked == 0) return marked;
    auto recorded = audit::record(database, {actor, "notification.read_all", "notification_inbox", std::to_string(user_id),
                                             std::nullopt, nlohmann::json{{"read_at", read_at}, {"marked", marked}}});
    if (!recorded) return store::Error{recorded.error()};
    return marked;
}

}  // namespace madoguchi::server::notifications
