#include "tickets/ticket_kind.hpp"

#include <algorithm>
#include <array>

namespace madoguchi::tickets {
namespace {

struct KindInfo {
    TicketKind kind;
    std::string_view name;
    std::string_view label_key;
};

struct StateInfo {
    TicketState state;
    std::string_view name;
    std::string_view label_key;
};

constexpr std::array<KindInfo, 7> kinds{{
    {TicketKind::inquiry, "inquiry", "tickets.kind.inquiry"},
    {TicketKind::incident, "incident", "tickets.kind.incident"},
    {TicketKind::problem, "problem", "tickets.kind.problem"},
    {TicketKind::change, "change", "tickets.kind.change"},
    {TicketKind::request, "request", "tickets.kind.request"},
    {TicketKind::security_incident, "security_incident", "tickets.kind.security_incident"},
    {TicketKind::release, "release", "tickets.kind.release"},
}};

constexpr std::array<StateInfo, 24> states{{
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

constexpr std::array<TicketKind, 7> all_kinds{
    TicketKind::inquiry, TicketKind::incident, TicketKind::problem, TicketKind::change,
    TicketKind::request, TicketKind::security_incident, TicketKind::release};

constexpr std::array<TicketState, 24> all_states{
    TicketState::received, TicketState::in_progress, TicketState::waiting_requester, TicketState::with_vendor,
    TicketState::investigating, TicketState::known_error, TicketState::resolved, TicketState::draft,
    TicketState::submitted, TicketState::approved, TicketState::rejected, TicketState::scheduled,
    TicketState::announced, TicketState::implemented, TicketState::reviewed, TicketState::under_review,
    TicketState::accepted, TicketState::declined, TicketState::escalated, TicketState::planning,
    TicketState::plan_submitted, TicketState::results_reported, TicketState::closed, TicketState::cancelled};

template <typename Info>
const Info* find_by_name(std::span<const Info> table, std::string_view name) {
    const auto found = std::find_if(table.begin(), table.end(), [&](const Info& i) { return i.name == name; });
    return found == table.end() ? nullptr : &*found;
}

}  // namespace

std::span<const TicketKind> ticket_kinds() { return all_kinds; }
std::string_view kind_name(TicketKind kind) { return kinds[static_cast<std::size_t>(kind)].name; }
std::string_view kind_label_key(TicketKind kind) { return kinds[static_cast<std::size_t>(kind)].label_key; }

std::optional<TicketKind> parse_kind(std::string_view name) {
    const auto* found = find_by_name<KindInfo>(kinds, name);
    if (!found) return std::nullopt;
    return found->kind;
}

std::span<const TicketState> ticket_states() { return all_states; }
std::string_view state_name(TicketState state) { return states[static_cast<std::size_t>(state)].name; }
std::string_view state_label_key(TicketState state) { return states[static_cast<std::size_t>(state)].label_key; }

std::optional<TicketState> parse_ticket_state(std::string_view name) {
    const auto* found = find_by_name<StateInfo>(states, name);
    if (!found) return std::nullopt;
    return found->state;
}

}  // namespace madoguchi::tickets
