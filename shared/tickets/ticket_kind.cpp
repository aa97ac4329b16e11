#include "tickets/ticket_kind.hpp"

#include <array>

#include "tickets/named_values.hpp"

namespace madoguchi::tickets {
namespace {

constexpr std::array<Named<TicketKind>, 7> kinds{{
    {TicketKind::inquiry, "inquiry", "tickets.kind.inquiry"},
    {TicketKind::incident, "incident", "tickets.kind.incident"},
    {TicketKind::problem, "problem", "tickets.kind.problem"},
    {TicketKind::change, "change", "tickets.kind.change"},
    {TicketKind::request, "request", "tickets.kind.request"},
    {TicketKind::security_incident, "security_incident", "tickets.kind.security_incident"},
    {TicketKind::release, "release", "tickets.kind.release"},
}};

constexpr std::array<Named<TicketState>, 24> states{{
    {TicketState::received, "received", "tickets.state.received"},
    {TicketState::in_progress, "in_progress", "tickets.state.in_progress"},
    {TicketState::waiting_requester, "waiting_requester", "tickets.state.waiting_requester"},
    {TicketState::with_vendor, "with_vendor", "tickets.state.with_vendor"},
    {TicketState::investigating, "investigating", "tickets.state.investigating"},
    {TicketState::known_error, "known_error", "tickets.state.known_error"},
    {TicketState::resolved, "resolved", "tickets.state.resolved"},
    {TicketState::draft, "draft", "tickets.state.draft"},
    {TicketState::submitted, "submitted", "tickets.state.submitted"},
    {TicketState::approved, "approved", "tickets.state.approved"},
    {TicketState::rejected, "rejected", "tickets.state.rejected"},
    {TicketState::scheduled, "scheduled", "tickets.state.scheduled"},
    {TicketState::announced, "announced", "tickets.state.announced"},
    {TicketState::implemented, "implemented", "tickets.state.implemented"},
    {TicketState::reviewed, "reviewed", "tickets.state.reviewed"},
    {TicketState::under_review, "under_review", "tickets.state.under_review"},
    {TicketState::accepted, "accepted", "tickets.state.accepted"},
    {TicketState::declined, "declined", "tickets.state.declined"},
    {TicketState::escalated, "escalated", "tickets.state.escalated"},
    {TicketState::planning, "planning", "tickets.state.planning"},
    {TicketState::plan_submitted, "plan_submitted", "tickets.state.plan_submitted"},
    {TicketState::results_reported, "results_reported", "tickets.state.results_reported"},
    {TicketState::closed, "closed", "tickets.state.closed"},
    {TicketState::cancelled, "cancelled", "tickets.state.cancelled"},
}};

static_assert(in_enum_order(kinds) && in_enum_order(states));

constexpr auto all_kinds = values_of(kinds);
constexpr auto all_states = values_of(states);

}  // namespace

std::span<const TicketKind> ticket_kinds() { return all_kinds; }
std::string_view kind_name(TicketKind kind) { return named(kinds, kind).name; }
std::string_view kind_label_key(TicketKind kind) { return named(kinds, kind).label_key; }
std::optional<TicketKind> parse_kind(std::string_view name) { return parse_named(kinds, name); }

std::span<const TicketState> ticket_states() { return all_states; }
std::string_view state_name(TicketState state) { return named(states, state).name; }
std::string_view state_label_key(TicketState state) { return named(states, state).label_key; }
std::optional<TicketState> parse_ticket_state(std::string_view name) { return parse_named(states, name); }

}  // namespace madoguchi::tickets
