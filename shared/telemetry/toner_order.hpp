#pragma once
// トナーの配送と回収: the states of a toner delivery order and who may move it on. The desk
// orders (the poller does, for it), the vendor ships, delivers and collects the empty
// cartridge; a new cartridge seen by the poller before the order is closed marks it replaced,
// and the empty one is still collected afterwards.
#include <optional>
#include <span>
#include <string_view>

#include "identity/role.hpp"

namespace madoguchi::telemetry {

enum class OrderState { ordered, shipped, delivered, collected, replaced };

// Ordered, shipped and delivered: at most one such order per device and colour.
bool is_open(OrderState state);

// Whether `roles` may move an order from `from` to `to`: ordered → shipped → delivered →
// collected, and replaced → collected, by the desk (operator, admin) or the vendor. Replaced
// is the poller's, never a request's.
bool may_move(OrderState from, OrderState to, std::span<const identity::Role> roles);

// Names ("ordered") and catalog keys "telemetry.order_state.<name>".
std::string_view order_state_name(OrderState state);
std::string_view order_state_label_key(OrderState state);
std::optional<OrderState> parse_order_state(std::string_view name);

}  // namespace madoguchi::telemetry
