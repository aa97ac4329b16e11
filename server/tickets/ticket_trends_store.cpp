#include "tickets/ticket_trends_store.hpp"

#include <unordered_map>

#include "inventory/device_class.hpp"

namespace madoguchi::server::tickets {
namespace {

namespace domain = madoguchi::tickets;
using calendar::Instant;

// ?1, ?2: the period's bounds as stored instants (UTC ISO 8601 sorts as text).
constexpr std::string_view wanted =
    "((t.created_at >= ?1 AND t.created_at < ?2) OR (t.kind = 'security_incident' AND t.created_at < ?2))";

Instant instant_of(const std::string& text) { return calendar::parse_iso8601(text).instant.value_or(Instant{}); }

void bind_period(store::Statement& statement, const domain::TrendPeriod& period) {
    statement.bind(1, calendar::format_iso8601_utc(domain::period_start(period)))
        .bind(2, calendar::format_iso8601_utc(domain::period_end(period)));
}

}  // namespace

store::Result<std::vector<domain::TrendTicket>> trend_tickets(store::Database& database,
                                                             const domain::TrendPeriod& period) {
    auto select = database.prepare(
        "SELECT t.id, t.kind, t.state, t.category, t.division_code, t.created_at, t.first_response_at, "
        "t.vendor_company <> '', (SELECT d.class FROM ticket_links k JOIN devices d ON d.id = k.device_id "
        "WHERE k.ticket_id = t.id ORDER BY k.id LIMIT 1) FROM tickets t WHERE " +
        std::string(wanted) + " ORDER BY t.id");
    if (!select) return store::Error{select.error()};
    auto& rows = select.value();
    bind_period(rows, period);
    std::vector<domain::TrendTicket> tickets;
    std::unordered_map<std::int64_t, std::size_t> index_of;
    while (true) {
        auto row = rows.step();
        if (!row) return store::Error{row.error()};
        if (!row.value()) break;
        domain::TrendTicket ticket;
        ticket.kind = domain::parse_kind(rows.column_text(1)).value_or(domain::TicketKind::inquiry);
        ticket.state = domain::parse_ticket_state(rows.column_text(2)).value_or(domain::TicketState::received);
        ticket.category = rows.column_text(3);
        ticket.division_code = rows.column_text(4);
        ticket.created_at = instant_of(rows.column_text(5));
        if (!rows.column_is_null(6)) ticket.first_response_at = instant_of(rows.column_text(6));
        ticket.device_class = rows.column_text(8);
        // As the ticket's own SLA clock (tickets/ticket_sla.cpp) counts.
        ticket.hours = domain::sla_hours(madoguchi::inventory::find_device_class(ticket.device_class),
                                         rows.column_int(7) != 0);
        index_of.emplace(rows.column_int(0), tickets.size());
        tickets.push_back(std::move(ticket));
    }
    auto events = database.prepare(
        "SELECT e.ticket_id, e.occurred_at, e.to_state FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id "
        "WHERE e.type IN ('state', 'approval') AND " +
        std::string(wanted) + " ORDER BY e.ticket_id, e.id");
    if (!events) return store::Error{events.error()};
    auto& changes = events.value();
    bind_period(changes, period);
    while (true) {
        auto row = changes.step();
        if (!row) return store::Error{row.error()};
        if (!row.value()) return tickets;
        const auto found = index_of.find(changes.column_int(0));
        const auto to = domain::parse_ticket_state(changes.column_text(2));
        if (found == index_of.end() || !to) continue;
        tickets[found->second].changes.push_back({instant_of(changes.column_text(1)), *to});
    }
}

}  // namespace madoguchi::server::tickets
