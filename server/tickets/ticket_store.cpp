#include "tickets/ticket_store.hpp"

#include <cstdio>

#include "store/conditions.hpp"
#include "store/id_set.hpp"
#include "store/trigram_query.hpp"
#include "text/search_fold.hpp"

namespace madoguchi::server::tickets {
namespace {

namespace domain = madoguchi::tickets;

constexpr std::string_view select_tickets =
    "SELECT t.id, t.number, t.kind, t.state, t.title, t.body, t.requester_user_id, coalesce(r.login, ''), "
    "t.division_code, t.category, t.priority, coalesce(t.impact, ''), coalesce(t.urgency, ''), t.assignee_user_id, "
    "coalesce(a.login, ''), t.vendor_company, t.escalation_target, t.version, t.created_at, t.updated_at, "
    "t.first_response_at, t.resolved_at, t.sla_due_at, t.sla_breached, t.sla_near_breach "
    "FROM tickets t LEFT JOIN users r ON r.id = t.requester_user_id LEFT JOIN users a ON a.id = t.assignee_user_id";

// Nulls last when due soonest first: a ticket without a due time is never the most urgent.
constexpr std::string_view due_key = "coalesce(t.sla_due_at, '~')";

std::optional<std::string> optional_text(const store::Statement& row, int column) {
    if (row.column_is_null(column)) return std::nullopt;
    return row.column_text(column);
}

TicketRow read_row(const store::Statement& row) {
    TicketRow t;
    t.id = row.column_int(0);
    t.number = row.column_text(1);
    t.kind = domain::parse_kind(row.column_text(2)).value_or(TicketKind::inquiry);
    t.state = domain::parse_ticket_state(row.column_text(3)).value_or(TicketState::received);
    t.title = row.column_text(4);
    t.body = row.column_text(5);
    t.requester_user_id = row.column_int(6);
    t.requester_login = row.column_text(7);
    t.division_code = row.column_text(8);
    t.category = row.column_text(9);
    t.priority = domain::parse_priority(row.column_text(10)).value_or(Priority::p4);
    t.impact = row.column_text(11);
    t.urgency = row.column_text(12);
    if (!row.column_is_null(13)) t.assignee_user_id = row.column_int(13);
    t.assignee_login = row.column_text(14);
    t.vendor_company = row.column_text(15);
    t.escalation_target = row.column_text(16);
    t.version = row.column_int(17);
    t.created_at = row.column_text(18);
    t.updated_at = row.column_text(19);
    t.first_response_at = optional_text(row, 20);
    t.resolved_at = optional_text(row, 21);
    t.sla_due_at = optional_text(row, 22);
    t.sla_breached = row.column_int(23) != 0;
    t.sla_near_breach = row.column_int(24) != 0;
    return t;
}

nlohmann::json text_or_null(const std::optional<std::string>& text) {
    return text ? nlohmann::json(*text) : nlohmann::json(nullptr);
}

nlohmann::json id_or_null(const std::optional<std::int64_t>& id) { return id ? nlohmann::json(*id) : nlohmann::json(nullptr); }

std::string_view number_prefix(TicketKind kind) {
    switch (kind) {
        case TicketKind::inquiry: return "INQ";
        case TicketKind::incident: return "INC";
        case TicketKind::problem: return "PRB";
        case TicketKind::change: return "CHG";
        case TicketKind::request: return "REQ";
        case TicketKind::security_incident: return "SEC";
        case TicketKind::release: return "REL";
    }
    return "TKT";
}

store::Result<std::int64_t> next_sequence(store::Database& database, std::string_view prefix, int year) {
    auto next = database.prepare(
        "SELECT max(coalesce((SELECT max(number_sequence) FROM tickets WHERE number_prefix = ?1 AND number_year = ?2), 0), "
        "CASE WHEN ?1 = 'INQ' THEN coalesce((SELECT max(number_sequence) FROM inquiries WHERE number_year = ?2), 0) "
        "ELSE 0 END) + 1");
    if (!next) return store::Error{next.error()};
    next.value().bind(1, prefix).bind(2, std::int64_t{year});
    if (auto row = next.value().step(); !row) return store::Error{row.error()};
    return next.value().column_int(0);
}

// Up to this many tickets holding the text, a query reads them by id (their ids written into
// it); beyond, it walks its order, or its other filters' index, and keeps the rows in the set
// (in_id_set), which fills a page sooner: at 300,000 tickets, 26,000 matches read by id take
// ~80 ms, walked ~12 ms; 100 matches read by id ~1 ms, walked ~20 ms, as they lie far down the list.
constexpr std::size_t few_matches = 1000;

// The tickets whose search text the expression matches, in id order: the index is read once per
// search, and the count and the page both use what it found.
store::Result<std::vector<std::int64_t>> matching_ids(store::Database& database, const std::string& expression) {
    auto select = database.prepare("SELECT rowid FROM tickets_search WHERE tickets_search MATCH ?1");
    if (!select) return store::Error{select.error()};
    select.value().bind(1, expression);
    std::vector<std::int64_t> ids;
    while (true) {
        auto row = select.value().step();
        if (!row) return store::Error{row.error()};
        if (!row.value()) return ids;
        ids.push_back(select.value().column_int(0));
    }
}

// When the trigrams beginning with 1 or 2 characters fill more rows than a third of the tickets,
// the text is in so many (の, a digit) that reading tickets in the list's order until a page is
// full is quicker than merging the index's rows: at 300,000 tickets, の (175,000 matches) took
// ~50 ms through the index.
store::Result<std::int64_t> prefix_rows_max(store::Database& database) {
    auto highest = database.query_int("SELECT coalesce(max(id), 0) FROM tickets");
    if (!highest) return store::Error{highest.error()};
    return highest.value().value_or(0) / 3;
}

// A search read row by row counts its matches up to here and says "or more": counting them
// all would read every ticket (~220 ms at 300,000), where the page stops once it is full.
constexpr std::int64_t scanned_count_cap = 1000;

// The index's query for the searched text, "" when nothing can match, empty to scan instead.
store::Result<std::optional<std::string>> match_expression(store::Database& database, const std::string& folded) {
    if (auto phrase = store::trigram_phrase(folded)) return phrase;
    auto most = prefix_rows_max(database);
    if (!most) return store::Error{most.error()};
    return store::trigram_prefix_query(database, "tickets_search_terms", folded, most.value());
}

void keep_matches(store::Conditions& filters, const std::vector<std::int64_t>& ids) {
    if (ids.size() > few_matches) {
        filters.add_blob("in_id_set(t.id, ?)", store::id_set_blob(ids));
        return;
    }
    std::string list = "t.id IN (";
    for (std::size_t i = 0; i < ids.size(); ++i) {
        if (i > 0) list += ',';
        list += std::to_string(ids[i]);
    }
    filters.add_sql(list + ")");
}

store::Conditions filters_of(const TicketQuery& query) {
    store::Conditions conditions;
    if (query.kind) conditions.add("t.kind = ?", std::string(domain::kind_name(*query.kind)));
    if (query.state) conditions.add("t.state = ?", std::string(domain::state_name(*query.state)));
    if (query.assignee_user_id) conditions.add_sql("t.assignee_user_id = " + std::to_string(*query.assignee_user_id));
    if (query.breached) conditions.add_sql(*query.breached ? "t.sla_breached = 1" : "t.sla_breached = 0");
    return conditions;
}

bool descending(TicketSort sort) { return sort == TicketSort::created_descending || sort == TicketSort::due_descending; }

std::string sort_column(TicketSort sort) {
    return sort == TicketSort::created || sort == TicketSort::created_descending ? "t.created_at" : std::string(due_key);
}

std::string sort_key(const TicketRow& row, TicketSort sort) {
    if (sort == TicketSort::created || sort == TicketSort::created_descending) return row.created_at;
    return row.sla_due_at.value_or("~");
}

std::string where_of(const store::Conditions& conditions, const TicketScope& scope) {
    const auto scoped = scope_sql(scope);
    if (scoped.empty()) return conditions.sql();
    return conditions.sql().empty() ? " WHERE " + scoped : conditions.sql() + " AND " + scoped;
}

}  // namespace

std::string scope_sql(const TicketScope& scope) {
    if (scope.everything) return "";
    std::string sql = "(0";
    if (scope.requester_user_id) sql += " OR t.requester_user_id = " + std::to_string(*scope.requester_user_id);
    if (!scope.division_code.empty()) sql += " OR t.division_code = ?201";
    if (!scope.vendor_company.empty()) sql += " OR t.vendor_company = ?202";
    return sql + ")";
}

void bind_scope(store::Statement& statement, const TicketScope& scope) {
    if (scope.everything) return;
    if (!scope.division_code.empty()) statement.bind(201, scope.division_code);
    if (!scope.vendor_company.empty()) statement.bind(202, scope.vendor_company);
}

nlohmann::json to_json(const TicketRow& row) {
    return {{"id", row.id},
            {"number", row.number},
            {"kind", domain::kind_name(row.kind)},
            {"state", domain::state_name(row.state)},
            {"title", row.title},
            {"body", row.body},
            {"requester_user_id", row.requester_user_id},
            {"requester_login", row.requester_login},
            {"division_code", row.division_code},
            {"category", row.category},
            {"priority", domain::priority_name(row.priority)},
            {"impact", row.impact.empty() ? nlohmann::json(nullptr) : nlohmann::json(row.impact)},
            {"urgency", row.urgency.empty() ? nlohmann::json(nullptr) : nlohmann::json(row.urgency)},
            {"assignee_user_id", id_or_null(row.assignee_user_id)},
            {"assignee_login", row.assignee_user_id ? nlohmann::json(row.assignee_login) : nlohmann::json(nullptr)},
            {"vendor_company", row.vendor_company},
            {"escalation_target", row.escalation_target},
            {"version", row.version},
            {"created_at", row.created_at},
            {"updated_at", row.updated_at},
            {"first_response_at", text_or_null(row.first_response_at)},
            {"resolved_at", text_or_null(row.resolved_at)},
            {"sla_due_at", text_or_null(row.sla_due_at)},
            {"sla_breached", row.sla_breached},
            {"sla_near_breach", row.sla_near_breach}};
}

store::Result<std::int64_t> insert_ticket(store::Database& database, const NewTicket& ticket, calendar::Instant now) {
    const int year = calendar::to_tokyo(now).date.year;
    const auto prefix = number_prefix(ticket.kind);
    auto sequence = next_sequence(database, prefix, year);
    if (!sequence) return store::Error{sequence.error()};
    char number[40];
    std::snprintf(number, sizeof number, "%.*s-%04d-%06lld", static_cast<int>(prefix.size()), prefix.data(), year,
                  static_cast<long long>(sequence.value()));
    const auto at = calendar::format_iso8601_utc(now);
    auto insert = database.prepare(
        "INSERT INTO tickets (number, number_prefix, number_year, number_sequence, kind, state, title, body, "
        "requester_user_id, division_code, category, priority, impact, urgency, created_at, updated_at, search_text) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?15, "
        "search_fold(?1 || ' ' || ?7 || ' ' || ?8)) RETURNING id");
    if (!insert) return store::Error{insert.error()};
    auto& statement = insert.value();
    statement.bind(1, std::string_view(number)).bind(2, prefix).bind(3, std::int64_t{year}).bind(4, sequence.value())
        .bind(5, domain::kind_name(ticket.kind)).bind(6, domain::state_name(ticket.state)).bind(7, ticket.title)
        .bind(8, ticket.body).bind(9, ticket.requester_user_id).bind(10, ticket.division_code).bind(11, ticket.category)
        .bind(12, domain::priority_name(ticket.priority)).bind(15, at);
    // Unbound: NULL, a priority given directly.
    if (!ticket.impact.empty()) statement.bind(13, ticket.impact);
    if (!ticket.urgency.empty()) statement.bind(14, ticket.urgency);
    auto row = statement.step();
    if (!row) return store::Error{row.error()};
    const auto id = statement.column_int(0);
    if (auto done = statement.step(); !done) return store::Error{done.error()};
    return id;
}

store::Result<std::optional<TicketRow>> find_ticket(store::Database& database, std::int64_t id) {
    auto select = database.prepare(std::string(select_tickets) + " WHERE t.id = ?1");
    if (!select) return store::Error{select.error()};
    select.value().bind(1, id);
    auto row = select.value().step();
    if (!row) return store::Error{row.error()};
    if (!row.value()) return std::optional<TicketRow>();
    return std::optional<TicketRow>(read_row(select.value()));
}

bool visible(const TicketScope& scope, const TicketRow& row) {
    if (scope.everything) return true;
    if (scope.requester_user_id && row.requester_user_id == *scope.requester_user_id) return true;
    if (!scope.division_code.empty() && row.division_code == scope.division_code) return true;
    return !scope.vendor_company.empty() && row.vendor_company == scope.vendor_company;
}

store::Result<std::vector<TicketRow>> tickets_in_states(store::Database& database, const std::vector<std::string>& states) {
    std::string placeholders;
    for (std::size_t i = 1; i <= states.size(); ++i) placeholders += (i == 1 ? "?" : ", ?") + std::to_string(i);
    auto select = database.prepare(std::string(select_tickets) + " WHERE t.state IN (" + placeholders + ") ORDER BY t.id");
    if (!select) return store::Error{select.error()};
    for (std::size_t i = 0; i < states.size(); ++i) select.value().bind(static_cast<int>(i + 1), states[i]);
    std::vector<TicketRow> rows;
    while (true) {
        auto row = select.value().step();
        if (!row) return store::Error{row.error()};
        if (!row.value()) return rows;
        rows.push_back(read_row(select.value()));
    }
}

store::Result<TicketPage> list_tickets(store::Database& database, const TicketQuery& query) {
    auto filters = filters_of(query);
    const bool only_text = filters.sql().empty() && query.scope.everything;
    TicketPage page;
    std::optional<std::int64_t> total;
    bool scanned = false;
    if (!query.text.empty()) {
        // The trigram index answers most text; the rest is looked for in every row (see
        // trigram_query.hpp). Both find the same tickets (tests/server/ticket_search_test).
        auto folded = madoguchi::text::fold_for_search(query.text);
        auto expression = match_expression(database, folded);
        if (!expression) return store::Error{expression.error()};
        if (expression.value()) {
            if (expression.value()->empty()) return page;
            auto ids = matching_ids(database, *expression.value());
            if (!ids) return store::Error{ids.error()};
            if (ids.value().empty()) return page;
            if (only_text) total = static_cast<std::int64_t>(ids.value().size());
            keep_matches(filters, ids.value());
        } else {
            filters.add("contains(t.search_text, ?)", std::move(folded));
            scanned = true;
        }
    }
    if (!total) {
        const auto where = where_of(filters, query.scope);
        auto count = database.prepare(scanned ? "SELECT count(*) FROM (SELECT 1 FROM tickets t" + where + " LIMIT " +
                                                    std::to_string(scanned_count_cap + 1) + ")"
                                              : "SELECT count(*) FROM tickets t" + where);
        if (!count) return store::Error{count.error()};
        filters.bind(count.value());
        bind_scope(count.value(), query.scope);
        if (auto counted = count.value().step(); !counted) return store::Error{counted.error()};
        total = count.value().column_int(0);
        if (scanned && *total > scanned_count_cap) {
            total = scanned_count_cap;
            page.total_capped = true;
        }
    }
    page.total = *total;

    auto paged = filters;
    if (query.after) {
        const auto column = sort_column(query.sort);
        const char* beyond = descending(query.sort) ? " < " : " > ";
        paged.add("(" + column + beyond + "? OR (" + column + " = ? AND t.id" + beyond +
                      std::to_string(query.after->id) + "))",
                  query.after->key);
    }
    const auto direction = descending(query.sort) ? " DESC" : "";
    auto select = database.prepare(std::string(select_tickets) + where_of(paged, query.scope) + " ORDER BY " +
                                   sort_column(query.sort) + direction + ", t.id" + direction + " LIMIT " +
                                   std::to_string(query.limit + 1));
    if (!select) return store::Error{select.error()};
    paged.bind(select.value());
    bind_scope(select.value(), query.scope);
    while (true) {
        auto row = select.value().step();
        if (!row) return store::Error{row.error()};
        if (!row.value()) break;
        page.tickets.push_back(read_row(select.value()));
    }
    // One more than asked says another page follows.
    if (static_cast<int>(page.tickets.size()) > query.limit) {
        page.tickets.pop_back();
        const auto& last = page.tickets.back();
        page.next = TicketCursor{sort_key(last, query.sort), last.id};
    }
    return page;
}

store::Result<bool> update_ticket(store::Database& database, const TicketRow& row, std::int64_t version,
                                  calendar::Instant now) {
    auto update = database.prepare(
        "UPDATE tickets SET state = ?1, category = ?2, priority = ?3, impact = ?4, urgency = ?5, assignee_user_id = ?6, "
        "vendor_company = ?7, escalation_target = ?8, first_response_at = ?9, resolved_at = ?10, "
        "version = version + 1, updated_at = ?11 WHERE id = ?12 AND version = ?13");
    if (!update) return store::Error{update.error()};
    auto& statement = update.value();
    statement.bind(1, domain::state_name(row.state)).bind(2, row.category).bind(3, domain::priority_name(row.priority))
        .bind(7, row.vendor_company).bind(8, row.escalation_target).bind(11, calendar::format_iso8601_utc(now))
        .bind(12, row.id).bind(13, version);
    if (!row.impact.empty()) statement.bind(4, row.impact);
    if (!row.urgency.empty()) statement.bind(5, row.urgency);
    if (row.assignee_user_id) statement.bind(6, *row.assignee_user_id);
    if (row.first_response_at) statement.bind(9, *row.first_response_at);
    if (row.resolved_at) statement.bind(10, *row.resolved_at);
    if (auto done = statement.step(); !done) return store::Error{done.error()};
    return database.changes() == 1;
}

store::Status set_first_response_at(store::Database& database, std::int64_t id, calendar::Instant at) {
    auto update = database.prepare("UPDATE tickets SET first_response_at = ?2 WHERE id = ?1 AND first_response_at IS NULL");
    if (!update) return store::Error{update.error()};
    update.value().bind(1, id).bind(2, calendar::format_iso8601_utc(at));
    if (auto done = update.value().step(); !done) return store::Error{done.error()};
    return store::success();
}

nlohmann::json to_json(const TicketEvent& event) {
    return {{"id", event.id},           {"occurred_at", event.occurred_at}, {"actor", event.actor},
            {"type", event.type},       {"from_state", text_or_null(event.from_state)},
            {"to_state", text_or_null(event.to_state)},                    {"comment", event.comment},
            {"visibility", event.visibility}, {"decision", event.decision}, {"role", event.role}};
}

store::Result<std::int64_t> insert_event(store::Database& database, std::int64_t ticket_id,
                                         std::optional<std::int64_t> actor_user_id, const TicketEvent& event) {
    auto insert = database.prepare(
        "INSERT INTO ticket_events (ticket_id, occurred_at, actor_user_id, actor, type, from_state, to_state, comment, "
        "visibility, decision, role) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) RETURNING id");
    if (!insert) return store::Error{insert.error()};
    auto& statement = insert.value();
    statement.bind(1, ticket_id).bind(2, event.occurred_at).bind(4, event.actor).bind(5, event.type)
        .bind(8, event.comment).bind(9, event.visibility).bind(10, event.decision).bind(11, event.role);
    if (actor_user_id) statement.bind(3, *actor_user_id);
    if (event.from_state) statement.bind(6, *event.from_state);
    if (event.to_state) statement.bind(7, *event.to_state);
    auto row = statement.step();
    if (!row) return store::Error{row.error()};
    const auto id = statement.column_int(0);
    if (auto done = statement.step(); !done) return store::Error{done.error()};
    return id;
}

store::Result<std::vector<TicketEvent>> ticket_events(store::Database& database, std::int64_t ticket_id,
                                                      bool with_internal) {
    auto select = database.prepare(
        "SELECT id, occurred_at, actor, type, from_state, to_state, comment, visibility, decision, role "
        "FROM ticket_events WHERE ticket_id = ?1 AND (?2 = 1 OR visibility = 'public') ORDER BY id");
    if (!select) return store::Error{select.error()};
    select.value().bind(1, ticket_id).bind(2, std::int64_t{with_internal ? 1 : 0});
    std::vector<TicketEvent> events;
    while (true) {
        auto row = select.value().step();
        if (!row) return store::Error{row.error()};
        if (!row.value()) return events;
        const auto& s = select.value();
        events.push_back({s.column_int(0), s.column_text(1), s.column_text(2), s.column_text(3), optional_text(s, 4),
                          optional_text(s, 5), s.column_text(6), s.column_text(7), s.column_text(8), s.column_text(9)});
    }
}

nlohmann::json to_json(const TicketLink& link) {
    nlohmann::json document{{"id", link.id}, {"created_at", link.created_at}, {"created_by", link.created_by}};
    if (link.ticket_id) document["ticket"] = {{"id", *link.ticket_id}, {"number", link.ticket_number}};
    if (link.device_id) document["device"] = {{"id", *link.device_id}, {"asset_tag", link.device_tag}};
    if (link.configuration_item_id) {
        document["configuration_item"] = {{"id", *link.configuration_item_id}, {"name", link.configuration_item_name}};
    }
    return document;
}

std::string describe(const LinkTarget& target) {
    std::string text = target.ticket_id ? "ticket " : target.device_id ? "device " : "configuration_item ";
    text.append(std::to_string(target.ticket_id.value_or(target.device_id.value_or(target.configuration_item_id.value_or(0)))));
    return text;
}

store::Result<std::optional<std::int64_t>> insert_link(store::Database& database, std::int64_t ticket_id,
                                                       const LinkTarget& target, const std::string& actor,
                                                       calendar::Instant now) {
    // A ticket link reads both ways: B linked to A is the same link as A to B.
    auto existing = database.prepare(
        "SELECT 1 FROM ticket_links WHERE (ticket_id = ?1 AND linked_ticket_id IS ?2 AND device_id IS ?3 AND "
        "configuration_item_id IS ?4) OR (?2 IS NOT NULL AND ticket_id = ?2 AND linked_ticket_id = ?1)");
    if (!existing) return store::Error{existing.error()};
    existing.value().bind(1, ticket_id);
    if (target.ticket_id) existing.value().bind(2, *target.ticket_id);
    if (target.device_id) existing.value().bind(3, *target.device_id);
    if (target.configuration_item_id) existing.value().bind(4, *target.configuration_item_id);
    auto found = existing.value().step();
    if (!found) return store::Error{found.error()};
    if (found.value()) return std::optional<std::int64_t>();
    auto insert = database.prepare(
        "INSERT INTO ticket_links (ticket_id, linked_ticket_id, device_id, configuration_item_id, created_at, created_by) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6) RETURNING id");
    if (!insert) return store::Error{insert.error()};
    auto& statement = insert.value();
    statement.bind(1, ticket_id).bind(5, calendar::format_iso8601_utc(now)).bind(6, actor);
    if (target.ticket_id) statement.bind(2, *target.ticket_id);
    if (target.device_id) statement.bind(3, *target.device_id);
    if (target.configuration_item_id) statement.bind(4, *target.configuration_item_id);
    auto row = statement.step();
    if (!row) return store::Error{row.error()};
    const auto id = statement.column_int(0);
    if (auto done = statement.step(); !done) return store::Error{done.error()};
    return std::optional<std::int64_t>(id);
}

store::Result<std::vector<TicketLink>> ticket_links(store::Database& database, std::int64_t ticket_id) {
    auto select = database.prepare(
        "SELECT k.id, CASE WHEN k.ticket_id = ?1 THEN k.linked_ticket_id ELSE k.ticket_id END AS other, "
        "coalesce(o.number, ''), k.device_id, coalesce(d.asset_tag, ''), k.configuration_item_id, coalesce(c.name, ''), "
        "k.created_at, k.created_by FROM ticket_links k "
        "LEFT JOIN tickets o ON o.id = (CASE WHEN k.ticket_id = ?1 THEN k.linked_ticket_id ELSE k.ticket_id END) "
        "LEFT JOIN devices d ON d.id = k.device_id LEFT JOIN configuration_items c ON c.id = k.configuration_item_id "
        "WHERE k.ticket_id = ?1 OR k.linked_ticket_id = ?1 ORDER BY k.id");
    if (!select) return store::Error{select.error()};
    select.value().bind(1, ticket_id);
    std::vector<TicketLink> links;
    while (true) {
        auto row = select.value().step();
        if (!row) return store::Error{row.error()};
        if (!row.value()) return links;
        const auto& s = select.value();
        TicketLink link;
        link.id = s.column_int(0);
        if (!s.column_is_null(1)) link.ticket_id = s.column_int(1);
        link.ticket_number = s.column_text(2);
        if (!s.column_is_null(3)) link.device_id = s.column_int(3);
        link.device_tag = s.column_text(4);
        if (!s.column_is_null(5)) link.configuration_item_id = s.column_int(5);
        link.configuration_item_name = s.column_text(6);
        link.created_at = s.column_text(7);
        link.created_by = s.column_text(8);
        links.push_back(std::move(link));
    }
}

store::Result<std::optional<TicketLink>> delete_link(store::Database& database, std::int64_t ticket_id,
                                                     std::int64_t link_id) {
    auto links = ticket_links(database, ticket_id);
    if (!links) return store::Error{links.error()};
    std::optional<TicketLink> removed;
    for (auto& link : links.value()) {
        if (link.id == link_id) removed = std::move(link);
    }
    if (!removed) return removed;
    auto remove = database.prepare("DELETE FROM ticket_links WHERE id = ?1");
    if (!remove) return store::Error{remove.error()};
    remove.value().bind(1, link_id);
    if (auto done = remove.value().step(); !done) return store::Error{done.error()};
    return removed;
}

store::Result<bool> row_exists(store::Database& database, std::string_view table, std::int64_t id) {
    auto select = database.prepare("SELECT 1 FROM " + std::string(table) + " WHERE id = ?1");
    if (!select) return store::Error{select.error()};
    select.value().bind(1, id);
    auto row = select.value().step();
    if (!row) return store::Error{row.error()};
    return row.value();
}

}  // namespace madoguchi::server::tickets
