#include "tickets/ticket_sla.hpp"

#include <vector>

#include "inventory/device_class.hpp"
#include "tickets/workflow.hpp"

namespace madoguchi::server::tickets {
namespace {

namespace domain = madoguchi::tickets;
using calendar::Instant;

Instant instant_of(const std::string& text) {
    return calendar::parse_iso8601(text).instant.value_or(Instant{});
}

store::Result<std::vector<domain::StateChange>> state_changes(store::Database& database, std::int64_t ticket_id) {
    auto select = database.prepare(
        "SELECT occurred_at, to_state FROM ticket_events WHERE ticket_id = ?1 AND type IN ('state', 'approval') "
        "ORDER BY id");
    if (!select) return store::Error{select.error()};
    select.value().bind(1, ticket_id);
    std::vector<domain::StateChange> changes;
    while (true) {
        auto row = select.value().step();
        if (!row) return store::Error{row.error()};
        if (!row.value()) return changes;
        if (const auto to = domain::parse_ticket_state(select.value().column_text(1))) {
            changes.push_back({instant_of(select.value().column_text(0)), *to});
        }
    }
}

// The class of the first device linked: whose vendor hours apply once the work is handed over.
store::Result<const madoguchi::inventory::DeviceClass*> device_class_of(store::Database& database, std::int64_t ticket_id) {
    auto select = database.prepare(
        "SELECT d.class FROM ticket_links k JOIN devices d ON d.id = k.device_id WHERE k.ticket_id = ?1 ORDER BY k.id "
        "LIMIT 1");
    if (!select) return store::Error{select.error()};
    select.value().bind(1, ticket_id);
    auto row = select.value().step();
    if (!row) return store::Error{row.error()};
    if (!row.value()) return static_cast<const madoguchi::inventory::DeviceClass*>(nullptr);
    return madoguchi::inventory::find_device_class(select.value().column_text(0));
}

// States some kind keeps open (not terminal in every kind that uses them): the sweep reads
// the tickets in these through the state index, not every ticket ever closed.
std::vector<std::string> open_states() {
    std::vector<std::string> names;
    for (const auto state : domain::ticket_states()) {
        bool open_somewhere = false;
        for (const auto kind : domain::ticket_kinds()) {
            if (domain::uses_state(domain::workflow_of(kind), state) && !domain::is_terminal(kind, state)) {
                open_somewhere = true;
            }
        }
        if (open_somewhere) names.emplace_back(domain::state_name(state));
    }
    return names;
}

}  // namespace

store::Result<domain::SlaClock> sla_clock_of(store::Database& database, const TicketRow& ticket, Instant now) {
    auto changes = state_changes(database, ticket.id);
    if (!changes) return store::Error{changes.error()};
    auto device_class = device_class_of(database, ticket.id);
    if (!device_class) return store::Error{device_class.error()};
    std::optional<Instant> first_response;
    if (ticket.first_response_at) first_response = instant_of(*ticket.first_response_at);
    const domain::TicketTimeline timeline{ticket.kind, instant_of(ticket.created_at), changes.value(), first_response};
    const domain::SlaSettings settings{domain::sla_targets(ticket.kind, ticket.priority),
                                       domain::sla_hours(device_class.value(), !ticket.vendor_company.empty())};
    return domain::compute_sla_clock(timeline, settings, now);
}

store::Result<domain::SlaClock> store_sla_clock(store::Database& database, const TicketRow& ticket, Instant now) {
    auto clock = sla_clock_of(database, ticket, now);
    if (!clock) return clock;
    const auto& c = clock.value();
    const bool breached = c.first_response.breached || c.resolution.breached;
    const bool near = !breached && (c.first_response.near_breach || c.resolution.near_breach);
    auto update = database.prepare(
        "UPDATE tickets SET sla_due_at = ?1, sla_breached = ?2, sla_near_breach = ?3 WHERE id = ?4 AND "
        "(sla_due_at IS NOT ?1 OR sla_breached <> ?2 OR sla_near_breach <> ?3)");
    if (!update) return store::Error{update.error()};
    if (c.due_at) update.value().bind(1, calendar::format_iso8601_utc(*c.due_at));
    update.value().bind(2, std::int64_t{breached ? 1 : 0}).bind(3, std::int64_t{near ? 1 : 0}).bind(4, ticket.id);
    if (auto done = update.value().step(); !done) return store::Error{done.error()};
    return clock;
}

store::Result<std::vector<TicketRow>> open_tickets(store::Database& database) {
    return tickets_in_states(database, open_states());
}

store::Result<std::int64_t> recompute_open_ticket_clocks(store::Database& database, Instant now) {
    auto open = open_tickets(database);
    if (!open) return store::Error{open.error()};
    std::int64_t changed = 0;
    for (const auto& ticket : open.value()) {
        auto stored = store_sla_clock(database, ticket, now);
        if (!stored) return store::Error{stored.error()};
        changed += database.changes();
    }
    return changed;
}

}  // namespace madoguchi::server::tickets
