#pragma once
// Toner delivery orders in SQLite (telemetry_toner_orders, migration 30): the poller's side
// (an order when the forecast says so, never a second one while one is open; a new cartridge
// closes it as replaced) and the rows the desk and the vendor move on through the API.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "audit/audit_log.hpp"
#include "calendar/tokyo_time.hpp"
#include "store/database.hpp"
#include "telemetry/interpretation.hpp"
#include "telemetry/loop_rules.hpp"
#include "telemetry/toner_order.hpp"

namespace madoguchi::server::telemetry {

struct TonerOrderRow {
    std::int64_t id = 0;
    std::int64_t device_id = 0;
    std::string asset_tag;
    std::string colour;
    madoguchi::telemetry::OrderState state = madoguchi::telemetry::OrderState::ordered;
    std::string reason;
    std::optional<std::int64_t> level_at_order;
    std::optional<double> days_to_empty_at_order;
    std::string delivery_address;
    std::string contact;
    std::string vendor_company;
    std::string created_at;
    std::string updated_at;
    std::optional<std::string> closed_at;
    std::int64_t version = 1;
};

nlohmann::json to_json(const TonerOrderRow& row);

// One device's toners after a cycle, against what the cycle before saw: a rise of the
// forecast's replacement_rise closes the colour's open order as replaced; a forecast below
// the lead time or level threshold opens one. Each change audited as the system. Call inside
// the cycle's transaction.
store::Status update_toner_orders(store::Database& database, std::int64_t device_id,
                                  const std::vector<TonerLevel>& toners, const std::vector<TonerLevel>& before,
                                  const madoguchi::telemetry::LoopRules& rules, calendar::Instant now);

struct OrderFilter {
    std::optional<madoguchi::telemetry::OrderState> state;
    std::optional<std::int64_t> device_id;
    bool open_only = false;
    std::string vendor_company;  // a vendor sees its own company's orders only
    std::int64_t limit = 50;
    std::int64_t offset = 0;
};

struct OrderPage {
    std::vector<TonerOrderRow> orders;
    std::int64_t total = 0;
};

store::Result<OrderPage> list_toner_orders(store::Database& database, const OrderFilter& filter);
store::Result<std::optional<TonerOrderRow>> find_toner_order(store::Database& database, std::int64_t id);
// Moves the order to `to` if it still has `version`; false when it changed meanwhile.
store::Result<bool> move_toner_order(store::Database& database, const TonerOrderRow& before,
                                     madoguchi::telemetry::OrderState to, calendar::Instant now);

}  // namespace madoguchi::server::telemetry
