#include "telemetry/toner_order.hpp"

#include <algorithm>
#include <array>

#include "tickets/named_values.hpp"

namespace madoguchi::telemetry {

namespace {

constexpr std::array<tickets::Named<OrderState>, 5> state_texts{{
    {OrderState::ordered, "ordered", "telemetry.order_state.ordered"},
    {OrderState::shipped, "shipped", "telemetry.order_state.shipped"},
    {OrderState::delivered, "delivered", "telemetry.order_state.delivered"},
    {OrderState::collected, "collected", "telemetry.order_state.collected"},
    {OrderState::replaced, "replaced", "telemetry.order_state.replaced"},
}};
static_assert(tickets::in_enum_order(state_texts));

struct Move {
    OrderState from;
    OrderState to;
};
constexpr std::array<Move, 4> moves{{
    {OrderState::ordered, OrderState::shipped},
    {OrderState::shipped, OrderState::delivered},
    {OrderState::delivered, OrderState::collected},
    {OrderState::replaced, OrderState::collected},
}};

}  // namespace

bool is_open(OrderState state) {
    return state == OrderState::ordered || state == OrderState::shipped || state == OrderState::delivered;
}

bool may_move(OrderState from, OrderState to, std::span<const identity::Role> roles) {
    using identity::Role;
    const bool movable = std::any_of(moves.begin(), moves.end(), [&](const Move& m) { return m.from == from && m.to == to; });
    const bool allowed = std::any_of(roles.begin(), roles.end(), [](Role role) {
        return role == Role::desk_operator || role == Role::admin || role == Role::vendor;
    });
    return movable && allowed;
}

std::string_view order_state_name(OrderState state) { return tickets::named(state_texts, state).name; }
std::string_view order_state_label_key(OrderState state) { return tickets::named(state_texts, state).label_key; }
std::optional<OrderState> parse_order_state(std::string_view name) { return tickets::parse_named(state_texts, name); }

}  // namespace madoguchi::telemetry
