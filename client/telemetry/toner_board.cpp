#include "telemetry/toner_board.hpp"

#include <algorithm>

#include "api/form_errors.hpp"
#include "telemetry/telemetry_records.hpp"
#include "ui/format.hpp"

namespace madoguchi::client {
namespace {

using telemetry::OrderState;

constexpr OrderState board_order[] = {OrderState::ordered, OrderState::shipped, OrderState::delivered, OrderState::replaced,
                                      OrderState::collected};

}  // namespace

std::optional<TonerOrder> toner_order_from_json(const nlohmann::json& item) {
    if (!item.is_object()) return std::nullopt;
    const auto state = telemetry::parse_order_state(text_member(item, "state"));
    if (integer_member(item, "id") <= 0 || !state) return std::nullopt;
    TonerOrder order;
    order.id = integer_member(item, "id");
    order.device_id = integer_member(item, "device_id");
    order.asset_tag = text_member(item, "asset_tag");
    order.colour = text_member(item, "colour");
    order.state = *state;
    order.reason = text_member(item, "reason");
    order.level_at_order = number_member<int>(item, "level_at_order");
    order.days_to_empty_at_order = number_member<double>(item, "days_to_empty_at_order");
    order.delivery_address = text_member(item, "delivery_address");
    order.contact = text_member(item, "contact");
    order.vendor_company = text_member(item, "vendor_company");
    order.created_at = instant_member(item, "created_at");
    order.closed_at = instant_member(item, "closed_at");
    order.version = integer_member(item, "version");
    return order;
}

std::optional<std::vector<TonerOrder>> toner_orders_from_body(const std::string& body) {
    const auto document = nlohmann::json::parse(body, nullptr, false);
    if (!document.is_object() || !document.contains("toner_orders") || !document["toner_orders"].is_array()) return std::nullopt;
    std::vector<TonerOrder> orders;
    for (const auto& item : document["toner_orders"]) {
        if (auto order = toner_order_from_json(item)) orders.push_back(std::move(*order));
    }
    return orders;
}

std::optional<OrderState> next_order_state(OrderState state) {
    switch (state) {
        case OrderState::ordered: return OrderState::shipped;
        case OrderState::shipped: return OrderState::delivered;
        case OrderState::delivered:
        case OrderState::replaced: return OrderState::collected;
        case OrderState::collected: return std::nullopt;
    }
    return std::nullopt;
}

std::string order_age_text(const TonerOrder& order, calendar::Instant now, i18n::Language language) {
    if (!order.created_at) return {};
    const auto until = order.closed_at ? *order.closed_at : now;
    const auto seconds = std::max<std::int64_t>(0, until.unix_seconds - order.created_at->unix_seconds);
    if (seconds >= 86400) {
        return fill_template(i18n::text("telemetry_office.toner.age.days", language), {{"days", std::to_string(seconds / 86400)}});
    }
    if (seconds >= 3600) {
        return fill_template(i18n::text("telemetry_office.toner.age.hours", language), {{"hours", std::to_string(seconds / 3600)}});
    }
    return i18n::text("telemetry_office.toner.age.fresh", language);
}

void TonerBoard::load(ApiClient& api) {
    ++generation_;
    state_ = State::loading;
    waiting_ = 3;
    const auto ask = [&](Part part, std::string path) {
        api.get(std::move(path), [this, part, generation = generation_](const ApiResult& result) {
            if (generation == generation_) accept(part, result);
        });
    };
    ask(Part::open, "/api/v1/telemetry/toner-orders?open=true&limit=200");
    ask(Part::replaced, "/api/v1/telemetry/toner-orders?state=replaced&limit=200");
    ask(Part::collected, "/api/v1/telemetry/toner-orders?state=collected&limit=" + std::to_string(collected_shown));
}

void TonerBoard::clear() {
    ++generation_;  // answers still on their way belong to the previous user
    state_ = State::idle;
    waiting_ = 0;
    for (auto& part : parts_) part.clear();
    orders_.clear();
    open_total_ = open_read_ = 0;
    moving_.reset();
    refused_.reset();
    move_error_ = {};
    moved_.reset();
}

void TonerBoard::accept(Part part, const ApiResult& result) {
    if (state_ == State::failed) return;
    auto orders = result.ok() ? toner_orders_from_body(result.body) : std::nullopt;
    if (!orders) {
        error_ = result.ok() ? api::make_error("internal") : result.error;
        state_ = State::failed;
        return;
    }
    if (part == Part::open) {
        const auto document = nlohmann::json::parse(result.body, nullptr, false);
        open_total_ = static_cast<int>(integer_member(document, "total"));
        open_read_ = static_cast<int>(orders->size());
    }
    parts_[static_cast<int>(part)] = std::move(*orders);
    if (--waiting_ > 0) return;
    orders_.clear();
    for (const auto& read : parts_) orders_.insert(orders_.end(), read.begin(), read.end());
    error_ = {};
    state_ = State::loaded;
}

std::vector<TonerGroup> TonerBoard::groups() const {
    std::vector<TonerGroup> groups;
    for (const auto state : board_order) {
        TonerGroup group{state, {}};
        for (const auto& order : orders_) {
            if (order.state == state) group.orders.push_back(&order);
        }
        // Collected ones newest first (the recent history); the rest oldest first (the longest waiting).
        std::sort(group.orders.begin(), group.orders.end(), [state](const TonerOrder* a, const TonerOrder* b) {
            return state == OrderState::collected ? a->id > b->id : a->id < b->id;
        });
        groups.push_back(std::move(group));
    }
    return groups;
}

std::optional<OrderState> TonerBoard::action_for(const TonerOrder& order, std::span<const identity::Role> roles) {
    const auto next = next_order_state(order.state);
    if (!next || !telemetry::may_move(order.state, *next, roles)) return std::nullopt;
    return next;
}

bool TonerBoard::move(ApiClient& api, std::int64_t id, OrderState to) {
    const auto found = std::find_if(orders_.begin(), orders_.end(), [&](const TonerOrder& order) { return order.id == id; });
    if (found == orders_.end() || moving_) return false;
    moving_ = id;
    refused_.reset();
    move_error_ = {};
    const nlohmann::json body{{"to", telemetry::order_state_name(to)}, {"version", found->version}};
    api.send({"POST", "/api/v1/telemetry/toner-orders/" + std::to_string(id) + "/transitions", body.dump(), {}},
             [this, id, to, generation = generation_](const ApiResult& result) {
                 if (generation != generation_) return;
                 moving_.reset();
                 const auto document = nlohmann::json::parse(result.body, nullptr, false);
                 // A success, and a stale version's refusal, both carry the order as it is now.
                 std::optional<TonerOrder> now;
                 if (document.is_object() && document.contains("toner_order")) now = toner_order_from_json(document["toner_order"]);
                 if (now) replace(*now);
                 if (!result.ok()) {
                     refused_ = id;
                     move_error_ = result.error;
                     return;
                 }
                 moved_ = std::pair(id, to);
             });
    return true;
}

void TonerBoard::replace(const TonerOrder& order) {
    const auto found = std::find_if(orders_.begin(), orders_.end(), [&](const TonerOrder& row) { return row.id == order.id; });
    if (found != orders_.end()) *found = order;
}

std::string TonerBoard::move_error(i18n::Language language) const {
    return move_error_.code.empty() ? std::string() : error_text(move_error_, language);
}

}  // namespace madoguchi::client
