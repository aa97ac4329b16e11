#include "tickets/ticket_detail.hpp"

#include "tickets/ticket_access.hpp"
#include "tickets/ticket_sla.hpp"
#include "tickets/workflow.hpp"

namespace madoguchi::server::tickets {
namespace {

namespace domain = madoguchi::tickets;

nlohmann::json next_moves(const identity::Principal& reader, const TicketRow& ticket) {
    auto moves = nlohmann::json::array();
    for (const auto& move : domain::allowed(ticket.kind, ticket.state, acting_roles(reader, ticket))) {
        moves.push_back({{"to", domain::state_name(move.to)},
                         {"action", move.action_key},
                         {"needs_comment", move.needs_comment},
                         {"approval", move.approval_by.has_value()}});
    }
    return moves;
}

}  // namespace

store::Result<nlohmann::json> ticket_detail(store::Database& database, const identity::Principal& reader,
                                            const TicketRow& ticket, calendar::Instant now) {
    auto events = ticket_events(database, ticket.id, sees_internal_notes(reader));
    if (!events) return store::Error{events.error()};
    auto links = ticket_links(database, ticket.id);
    if (!links) return store::Error{links.error()};
    auto clock = sla_clock_of(database, ticket, now);
    if (!clock) return store::Error{clock.error()};
    auto timeline = nlohmann::json::array();
    for (const auto& event : events.value()) timeline.push_back(to_json(event));
    auto linked = nlohmann::json::array();
    for (const auto& link : links.value()) linked.push_back(to_json(link));
    return nlohmann::json{{"ticket", to_json(ticket)},
                          {"timeline", timeline},
                          {"links", linked},
                          {"next", next_moves(reader, ticket)},
                          {"sla", domain::to_json(clock.value())}};
}

store::Result<std::optional<TicketRow>> find_visible_ticket(store::Database& database, std::int64_t id,
                                                            const identity::Principal& reader) {
    auto found = find_ticket(database, id);
    if (!found) return found;
    if (found.value() && !visible(scope_of(reader), *found.value())) return std::optional<TicketRow>();
    return found;
}

}  // namespace madoguchi::server::tickets
