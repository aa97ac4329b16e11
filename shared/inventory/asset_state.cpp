#include "inventory/asset_state.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace madoguchi::inventory {
namespace {

using enum AssetState;

struct StateInfo {
    AssetState state;
    std::string_view name;
    std::string_view label_key;
};

constexpr std::array<StateInfo, 10> states{{
    {in_stock, "in_stock", "inventory.state.in_stock"},
    {reserved, "reserved", "inventory.state.reserved"},
    {on_loan, "on_loan", "inventory.state.on_loan"},
    {in_transit, "in_transit", "inventory.state.in_transit"},
    {in_repair, "in_repair", "inventory.state.in_repair"},
    {kitting, "kitting", "inventory.state.kitting"},
    {installed, "installed", "inventory.state.installed"},
    {lost, "lost", "inventory.state.lost"},
    {stolen, "stolen", "inventory.state.stolen"},
    {retired, "retired", "inventory.state.retired"},
}};

constexpr std::array<AssetState, 10> all_states{in_stock, reserved, on_loan, in_transit, in_repair,
                                                kitting,  installed, lost,   stolen,     retired};

// The moves of the desk's work: a returned device is re-kitted before it is lent again, a
// found device is checked (kitting) or goes back to stock, a retired one never comes back.
constexpr std::array<std::pair<AssetState, AssetState>, 44> moves{{
    {in_stock, reserved},   {in_stock, on_loan},     {in_stock, in_transit}, {in_stock, in_repair},
    {in_stock, kitting},    {in_stock, installed},   {in_stock, lost},       {in_stock, stolen},
    {in_stock, retired},    {reserved, in_stock},    {reserved, on_loan},    {reserved, in_transit},
    {reserved, kitting},    {reserved, lost},        {reserved, stolen},     {on_loan, kitting},
    {on_loan, in_repair},   {on_loan, in_transit},   {on_loan, lost},        {on_loan, stolen},
    {in_transit, in_stock}, {in_transit, on_loan},   {in_transit, installed}, {in_transit, in_repair},
    {in_transit, kitting},  {in_transit, lost},      {in_repair, in_stock},  {in_repair, kitting},
    {in_repair, installed}, {in_repair, in_transit}, {in_repair, retired},   {kitting, in_stock},
    {kitting, reserved},    {kitting, in_repair},    {kitting, retired},     {installed, in_repair},
    {installed, in_transit}, {installed, in_stock},  {installed, retired},   {installed, lost},
    {lost, kitting},        {lost, retired},         {stolen, kitting},      {stolen, retired},
}};

const StateInfo& info(AssetState state) { return states[static_cast<std::size_t>(state)]; }

}  // namespace

std::span<const AssetState> asset_states() { return all_states; }

std::string_view state_name(AssetState state) { return info(state).name; }

std::string_view state_label_key(AssetState state) { return info(state).label_key; }

std::optional<AssetState> parse_state(std::string_view name) {
    const auto found = std::find_if(states.begin(), states.end(), [&](const StateInfo& s) { return s.name == name; });
    if (found == states.end()) return std::nullopt;
    return found->state;
}

bool state_allowed(Placement placement, AssetState state) {
    if (placement == Placement::installed) return state != reserved && state != on_loan;
    return state != installed;
}

TransitionRefusal check_transition(Placement placement, AssetState from, AssetState to) {
    if (from == to) return TransitionRefusal::same_state;
    if (!state_allowed(placement, to)) return TransitionRefusal::not_for_placement;
    const bool known = std::find(moves.begin(), moves.end(), std::pair{from, to}) != moves.end();
    return known ? TransitionRefusal::none : TransitionRefusal::not_allowed;
}

std::vector<AssetState> next_states(Placement placement, AssetState from) {
    std::vector<AssetState> reachable;
    for (const auto to : all_states) {
        if (check_transition(placement, from, to) == TransitionRefusal::none) reachable.push_back(to);
    }
    return reachable;
}

std::string_view refusal_key(TransitionRefusal refusal) {
    switch (refusal) {
        case TransitionRefusal::none: return "inventory.transition.none";
        case TransitionRefusal::same_state: return "inventory.transition.same_state";
        case TransitionRefusal::not_for_placement: return "inventory.transition.not_for_placement";
        case TransitionRefusal::not_allowed: return "inventory.transition.not_allowed";
    }
    return "inventory.transition.not_allowed";
}

}  // namespace madoguchi::inventory
