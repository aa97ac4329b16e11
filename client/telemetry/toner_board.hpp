#pragma once
// トナー発注 (the toner order board): the poller's delivery orders grouped by state, ordered →
// shipped → delivered → replaced (a new cartridge seen before the order closed) → collected,
// each with its device, colour, delivery address and contact and its age; the step each order
// may take next for the signed-in roles (the shared rule the server applies), sent with the
// order's version. A vendor gets its own company's orders only: the server scopes the list.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "api/api_client.hpp"
#include "calendar/tokyo_time.hpp"
#include "i18n/catalog.hpp"
#include "identity/role.hpp"
#include "telemetry/toner_order.hpp"

namespace madoguchi::client {

struct TonerOrder {
    std::int64_t id = 0;
    std::int64_t device_id = 0;
    std::string asset_tag;
    std::string colour;  // "black", "cyan", …
    telemetry::OrderState state = telemetry::OrderState::ordered;
    std::string reason;  // "lead_time" | "level_threshold" | "near_empty"
    std::optional<int> level_at_order;
    std::optional<double> days_to_empty_at_order;
    std::string delivery_address;
    std::string contact;
    std::string vendor_company;
    std::optional<calendar::Instant> created_at;
    std::optional<calendar::Instant> closed_at;
    std::int64_t version = 0;
};

// One order of the API's `toner_order` object; empty when it is not one.
std::optional<TonerOrder> toner_order_from_json(const nlohmann::json& order);
// {"toner_orders":[…],"total":N} of GET /telemetry/toner-orders.
std::optional<std::vector<TonerOrder>> toner_orders_from_body(const std::string& body);

// The step after `state` on the board (shipped after ordered, …, collected after delivered
// or replaced); none after collected.
std::optional<telemetry::OrderState> next_order_state(telemetry::OrderState state);
// "3日" / "3 d", "5時間" / "5 h", "1時間未満" / "under 1 h": how long the order has been open
// (until it closed, once it has).
std::string order_age_text(const TonerOrder& order, calendar::Instant now, i18n::Language language);

struct TonerGroup {
    telemetry::OrderState state;
    std::vector<const TonerOrder*> orders;  // oldest first: the longest waiting on top
};

class TonerBoard {
public:
    enum class State { idle, loading, loaded, failed };
    // Of the closed ones only the newest are shown; the open ones all (up to the API's page).
    static constexpr int collected_shown = 20;

    TonerBoard() = default;
    TonerBoard(const TonerBoard&) = delete;
    TonerBoard& operator=(const TonerBoard&) = delete;

    // Reads the open orders, those replaced (awaiting collection) and the newest collected.
    void load(ApiClient& api);
    // Another user signs in: nothing of this one's (a vendor's company) stays.
    void clear();
    State state() const { return state_; }
    const api::ApiError& error() const { return error_; }
    const std::vector<TonerOrder>& orders() const { return orders_; }
    // Open orders the server has beyond the page read.
    int open_not_shown() const { return open_total_ > open_read_ ? open_total_ - open_read_ : 0; }
    // Every state, in the board's order, also those without orders.
    std::vector<TonerGroup> groups() const;

    // The step `roles` may take the order to next; empty when none.
    static std::optional<telemetry::OrderState> action_for(const TonerOrder& order, std::span<const identity::Role> roles);
    // POST …/toner-orders/{id}/transitions {to, version}; the answer replaces the order. A
    // refusal is kept to show (a stale version brings the order as it is now).
    bool move(ApiClient& api, std::int64_t id, telemetry::OrderState to);
    bool moving() const { return moving_.has_value(); }
    std::optional<std::int64_t> moving_order() const { return moving_; }
    // The last refusal in `language` (message_ja first), with the order it concerns.
    std::string move_error(i18n::Language language) const;
    std::optional<std::int64_t> refused_order() const { return refused_; }
    // Once: the order just moved, for a toast.
    std::optional<std::pair<std::int64_t, telemetry::OrderState>> take_moved() { return std::exchange(moved_, std::nullopt); }

private:
    enum class Part { open, replaced, collected };
    void accept(Part part, const ApiResult& result);
    void replace(const TonerOrder& order);

    State state_ = State::idle;
    std::uint64_t generation_ = 0;
    int waiting_ = 0;
    api::ApiError error_;
    std::vector<TonerOrder> parts_[3];
    std::vector<TonerOrder> orders_;
    int open_total_ = 0;
    int open_read_ = 0;
    std::optional<std::int64_t> moving_;
    std::optional<std::int64_t> refused_;
    api::ApiError move_error_;
    std::optional<std::pair<std::int64_t, telemetry::OrderState>> moved_;
};

}  // namespace madoguchi::client
