#include "placement/request_state.hpp"

#include <algorithm>
#include <array>

namespace madoguchi::placement {
namespace {

using enum RequestState;

struct StateInfo {
    RequestState state;
    std::string_view name;
    std::string_view label_key;
};

constexpr std::array<StateInfo, 7> states{{
    {submitted, "submitted", "placement.state.submitted"},
    {accepted, "accepted", "placement.state.accepted"},
    {with_vendor, "with_vendor", "placement.state.with_vendor"},
    {vendor_done, "vendor_done", "placement.state.vendor_done"},
    {completed, "completed", "placement.state.completed"},
    {rejected, "rejected", "placement.state.rejected"},
    {cancelled, "cancelled", "placement.state.cancelled"},
}};

constexpr std::array<RequestState, 7> all_states{submitted, accepted, with_vendor, vendor_done,
                                                 completed, rejected, cancelled};

// The desk may still refuse after accepting (GSS coordination failed, the floor cannot take
// the device) and may send the works back to the vendor when the report does not hold.
constexpr std::array<RequestMove, 8> moves{{
    {submitted, accepted, Party::desk, false, false, "placement.action.accepted"},
    {submitted, rejected, Party::desk, true, false, "placement.action.rejected"},
    {submitted, cancelled, Party::requester, true, false, "placement.action.cancelled"},
    {accepted, with_vendor, Party::desk, false, false, "placement.action.with_vendor"},
    {accepted, rejected, Party::desk, true, false, "placement.action.rejected"},
    {with_vendor, vendor_done, Party::vendor, false, false, "placement.action.vendor_done"},
    {vendor_done, with_vendor, Party::desk, true, false, "placement.action.send_back"},
    {vendor_done, completed, Party::desk, false, true, "placement.action.completed"},
}};

const StateInfo& info(RequestState state) { return states[static_cast<std::size_t>(state)]; }

bool is_party(std::span<const Party> parties, Party party) {
    return std::find(parties.begin(), parties.end(), party) != parties.end();
}

}  // namespace

std::span<const RequestState> request_states() { return all_states; }
std::string_view state_name(RequestState state) { return info(state).name; }
std::string_view state_label_key(RequestState state) { return info(state).label_key; }

std::optional<RequestState> parse_request_state(std::string_view name) {
    const auto found = std::find_if(states.begin(), states.end(), [&](const StateInfo& s) { return s.name == name; });
    if (found == states.end()) return std::nullopt;
    return found->state;
}

bool is_final(RequestState state) { return state == completed || state == rejected || state == cancelled; }

std::span<const RequestMove> request_moves() { return moves; }

MoveRefusal check_move(const MoveCheck& check) {
    if (check.from == check.to) return MoveRefusal::same_state;
    const auto found = std::find_if(moves.begin(), moves.end(),
                                    [&](const RequestMove& m) { return m.from == check.from && m.to == check.to; });
    if (found == moves.end()) return MoveRefusal::not_allowed;
    if (!is_party(check.parties, found->by)) return MoveRefusal::not_your_move;
    if (found->needs_reason && !check.has_reason) return MoveRefusal::reason_required;
    if (found->needs_checklist && !check.checklist_complete) return MoveRefusal::checklist_incomplete;
    return MoveRefusal::none;
}

std::vector<RequestMove> moves_for(RequestState from, std::span<const Party> parties) {
    std::vector<RequestMove> open;
    for (const auto& move : moves) {
        if (move.from == from && is_party(parties, move.by)) open.push_back(move);
    }
    return open;
}

std::string_view refusal_key(MoveRefusal refusal) {
    switch (refusal) {
        case MoveRefusal::none: return "placement.refusal.none";
        case MoveRefusal::same_state: return "placement.refusal.same_state";
        case MoveRefusal::not_allowed: return "placement.refusal.not_allowed";
        case MoveRefusal::not_your_move: return "placement.refusal.not_your_move";
        case MoveRefusal::reason_required: return "placement.refusal.reason_required";
        case MoveRefusal::checklist_incomplete: return "placement.refusal.checklist_incomplete";
    }
    return "placement.refusal.not_allowed";
}

}  // namespace madoguchi::placement
