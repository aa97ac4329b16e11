// Toner delivery orders: who may move an order on, and which states are still open.
#include <catch2/catch.hpp>

#include <vector>

#include "i18n/catalog.hpp"
#include "telemetry/toner_order.hpp"

using namespace madoguchi::telemetry;
using madoguchi::identity::Role;

TEST_CASE("a toner order goes ordered, shipped, delivered, collected, by the desk or the vendor", "[telemetry]") {
    const std::vector<Role> vendor{Role::vendor};
    const std::vector<Role> desk{Role::desk_operator};
    CHECK(may_move(OrderState::ordered, OrderState::shipped, vendor));
    CHECK(may_move(OrderState::shipped, OrderState::delivered, vendor));
    CHECK(may_move(OrderState::delivered, OrderState::collected, desk));
    CHECK(may_move(OrderState::replaced, OrderState::collected, vendor));
    // No skipping, no going back, nothing after collection.
    CHECK_FALSE(may_move(OrderState::ordered, OrderState::delivered, desk));
    CHECK_FALSE(may_move(OrderState::shipped, OrderState::ordered, desk));
    CHECK_FALSE(may_move(OrderState::collected, OrderState::ordered, desk));
    // Replaced is what the poller sees, never a request's.
    CHECK_FALSE(may_move(OrderState::delivered, OrderState::replaced, desk));
}

TEST_CASE("only the desk and the vendor move toner orders", "[telemetry]") {
    for (const auto role : {Role::staff, Role::manager, Role::it_office, Role::auditor}) {
        const std::vector<Role> roles{role};
        CHECK_FALSE(may_move(OrderState::ordered, OrderState::shipped, roles));
    }
    const std::vector<Role> admin{Role::admin};
    CHECK(may_move(OrderState::ordered, OrderState::shipped, admin));
}

TEST_CASE("an order is open until replaced or collected, and every state has its label", "[telemetry][i18n]") {
    CHECK(is_open(OrderState::ordered));
    CHECK(is_open(OrderState::shipped));
    CHECK(is_open(OrderState::delivered));
    CHECK_FALSE(is_open(OrderState::replaced));
    CHECK_FALSE(is_open(OrderState::collected));
    for (const auto state : {OrderState::ordered, OrderState::shipped, OrderState::delivered, OrderState::collected,
                             OrderState::replaced}) {
        CHECK(parse_order_state(order_state_name(state)) == state);
        CHECK(madoguchi::i18n::has_key(order_state_label_key(state)));
    }
    CHECK_FALSE(parse_order_state("lost").has_value());
}
