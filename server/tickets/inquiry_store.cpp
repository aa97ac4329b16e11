#include "tickets/inquiry_store.hpp"

namespace madoguchi::server::tickets {
namespace {

// Tickets opened through POST /api/v1/tickets have no contact row: the account stands in.
// "Someone else" for answered_at: the requester's own notes and replies are no answer.
constexpr const char* select_inquiries =
    "SELECT t.id, t.number, coalesce(c.requester_name, r.name), coalesce(c.division, t.division_code), "
    "coalesce(c.contact, r.email), t.category, t.title, t.body, t.state, t.created_at, r.login, "
    "max(t.updated_at, coalesce((SELECT max(e.occurred_at) FROM ticket_events e "
    "WHERE e.ticket_id = t.id AND e.visibility = 'public'), '')), "
    "(SELECT max(e.occurred_at) FROM ticket_events e WHERE e.ticket_id = t.id AND e.visibility = 'public' "
    "AND e.type IN ('note', 'state') AND e.actor_user_id IS NOT t.requester_user_id) "
    "FROM tickets t JOIN users r ON r.id = t.requester_user_id LEFT JOIN inquiry_contacts c ON c.ticket_id = t.id "
    "WHERE t.kind = 'inquiry'";

std::string scoped(std::string sql, const TicketScope& scope) {
    if (const auto condition = scope_sql(scope); !condition.empty()) sql += " AND " + condition;
    return sql;
}

StoredInquiry read_row(const store::Statement& row) {
    StoredInquiry stored;
    stored.id = row.column_int(0);
    stored.number = row.column_text(1);
    stored.inquiry = {row.column_text(2), row.column_text(3), row.column_text(4),
                      row.column_text(5), row.column_text(6), row.column_text(7)};
    stored.status = row.column_text(8);
    stored.received_at = row.column_text(9);
    stored.requester_login = row.column_text(10);
    stored.updated_at = row.column_text(11);
    if (!row.column_is_null(12)) stored.answered_at = row.column_text(12);
    return stored;
}

}  // namespace

nlohmann::json to_json(const StoredInquiry& stored) {
    auto object = madoguchi::tickets::to_json(stored.inquiry);
    object["id"] = stored.id;
    object["number"] = stored.number;
    object["ticket_id"] = stored.id;
    object["ticket_number"] = stored.number;
    object["status"] = stored.status;
    object["received_at"] = stored.received_at;
    object["requester_login"] = stored.requester_login;
    object["updated_at"] = stored.updated_at;
    object["answered_at"] = stored.answered_at ? nlohmann::json(*stored.answered_at) : nlohmann::json(nullptr);
    return object;
}

store::Status insert_inquiry_contact(store::Database& database, std::int64_t ticket_id,
                                     const madoguchi::tickets::Inquiry& inquiry) {
    auto insert = database.prepare(
        "INSERT INTO inquiry_contacts (ticket_id, requester_name, division, contact) VALUES (?1, ?2, ?3, ?4)");
    if (!insert) return store::Error{insert.error()};
    insert.value().bind(1, ticket_id).bind(2, inquiry.requester_name).bind(3, inquiry.division).bind(4, inquiry.contact);
    if (auto done = insert.value().step(); !done) return store::Error{done.error()};
    return store::success();
}

store::Result<std::optional<StoredInquiry>> find_inquiry(store::Database& database, std::int64_t id,
                                                         const TicketScope& scope) {
    auto select = database.prepare(scoped(std::string(select_inquiries) + " AND t.id = ?1", scope));
    if (!select) return store::Error{select.error()};
    select.value().bind(1, id);
    bind_scope(select.value(), scope);
    auto row = select.value().step();
    if (!row) return store::Error{row.error()};
    if (!row.value()) return std::optional<StoredInquiry>();
    return std::optional<StoredInquiry>(read_row(select.value()));
}

store::Result<std::vector<StoredInquiry>> list_inquiries(store::Database& database, const TicketScope& scope,
                                                         std::int64_t limit, std::int64_t offset) {
    // Ids grow with time, so the newest first is the highest id first.
    auto select = database.prepare(scoped(select_inquiries, scope) + " ORDER BY t.id DESC LIMIT ?1 OFFSET ?2");
    if (!select) return store::Error{select.error()};
    select.value().bind(1, limit).bind(2, offset);
    bind_scope(select.value(), scope);
    std::vector<StoredInquiry> inquiries;
    while (true) {
        auto row = select.value().step();
        if (!row) return store::Error{row.error()};
        if (!row.value()) break;
        inquiries.push_back(read_row(select.value()));
    }
    return inquiries;
}

store::Result<std::int64_t> count_inquiries(store::Database& database, const TicketScope& scope) {
    auto count = database.prepare(scoped("SELECT count(*) FROM tickets t WHERE t.kind = 'inquiry'", scope));
    if (!count) return store::Error{count.error()};
    bind_scope(count.value(), scope);
    if (auto row = count.value().step(); !row) return store::Error{row.error()};
    return count.value().column_int(0);
}

}  // namespace madoguchi::server::tickets
