#include "telemetry/toner_orders.hpp"

#include <cmath>

namespace madoguchi::server::telemetry {

namespace {

namespace domain = madoguchi::telemetry;

constexpr const char* order_columns =
    "o.id, o.device_id, d.asset_tag, o.colour, o.state, o.reason, o.level_at_order, o.days_to_empty_at_order, "
    "o.delivery_address, o.contact, o.vendor_company, o.created_at, o.updated_at, o.closed_at, o.version";

TonerOrderRow order_of(const store::Statement& s) {
    TonerOrderRow row;
    row.id = s.column_int(0);
    row.device_id = s.column_int(1);
    row.asset_tag = s.column_text(2);
    row.colour = s.column_text(3);
    row.state = domain::parse_order_state(s.column_text(4)).value_or(domain::OrderState::ordered);
    row.reason = s.column_text(5);
    if (!s.column_is_null(6)) row.level_at_order = s.column_int(6);
    // A REAL, written and read through its decimal text (the statements bind no doubles).
    if (!s.column_is_null(7)) row.days_to_empty_at_order = std::stod(s.column_text(7));
    row.delivery_address = s.column_text(8);
    row.contact = s.column_text(9);
    row.vendor_company = s.column_text(10);
    row.created_at = s.column_text(11);
    row.updated_at = s.column_text(12);
    if (!s.column_is_null(13)) row.closed_at = s.column_text(13);
    row.version = s.column_int(14);
    return row;
}

// Near-empty counts as 0, so near-empty → full is a new cartridge (as the forecast reads it).
std::optional<int> comparable(const TonerLevel& toner) {
    if (toner.state == domain::LevelState::measured && toner.percent) return toner.percent;
    if (toner.state == domain::LevelState::near_empty) return 0;
    return std::nullopt;
}

store::Result<std::optional<TonerOrderRow>> open_order(store::Database& database, std::int64_t device_id, const std::string& colour) {
    auto query = database.prepare(std::string("SELECT ") + order_columns +
                                  " FROM telemetry_toner_orders o JOIN devices d ON d.id = o.device_id "
                                  "WHERE o.device_id = ?1 AND o.colour = ?2 AND o.state IN ('ordered', 'shipped', 'delivered')");
    if (!query) return store::Error{query.error()};
    query.value().bind(1, device_id).bind(2, colour);
    auto found = query.value().step();
    if (!found) return store::Error{found.error()};
    if (!found.value()) return std::optional<TonerOrderRow>();
    return std::optional(order_of(query.value()));
}

store::Status audit_order(store::Database& database, const std::string& action, const std::optional<TonerOrderRow>& before,
                          std::int64_t id) {
    auto after = find_toner_order(database, id);
    if (!after) return store::Error{after.error()};
    if (!after.value()) return store::Error{"toner order " + std::to_string(id) + " cannot be read back"};
    const audit::AuditEntry entry{audit::system_actor, action, "toner_order", std::to_string(id),
                                  before ? std::optional(to_json(*before)) : std::nullopt, to_json(*after.value())};
    return audit::record(database, entry);
}

store::Status place_order(store::Database& database, std::int64_t device_id, const TonerLevel& toner,
                          domain::OrderReason reason, calendar::Instant now) {
    const auto at = calendar::format_iso8601_utc(now);
    auto insert = database.prepare(
        "INSERT INTO telemetry_toner_orders (device_id, colour, state, reason, level_at_order, days_to_empty_at_order, "
        "delivery_address, contact, vendor_company, created_at, updated_at) "
        "SELECT d.id, ?2, 'ordered', ?3, ?4, ?5, d.toner_delivery_address, d.toner_contact, coalesce(v.vendor_company, ''), ?6, ?6 "
        "FROM devices d LEFT JOIN device_models m ON m.id = d.model_id LEFT JOIN telemetry_vendors v ON v.maker = m.maker "
        "WHERE d.id = ?1");
    if (!insert) return store::Error{insert.error()};
    auto& s = insert.value();
    s.bind(1, device_id).bind(2, domain::colour_name(toner.colour)).bind(3, domain::order_reason_name(reason));
    if (toner.percent) s.bind(4, std::int64_t{*toner.percent});
    // Tenths of a day, as the interpretation shows them; SQLite keeps the REAL.
    if (toner.days_to_empty) s.bind(5, std::to_string(std::round(*toner.days_to_empty * 10.0) / 10.0));
    s.bind(6, at);
    if (auto done = s.step(); !done) return store::Error{done.error()};
    if (database.changes() == 0) return store::success();  // the device was deleted meanwhile
    return audit_order(database, "telemetry.toner_order.created", std::nullopt, database.last_insert_id());
}

}  // namespace

nlohmann::json to_json(const TonerOrderRow& row) {
    return {{"id", row.id},
            {"device_id", row.device_id},
            {"asset_tag", row.asset_tag},
            {"colour", row.colour},
            {"state", domain::order_state_name(row.state)},
            {"open", domain::is_open(row.state)},
            {"reason", row.reason},
            {"level_at_order", row.level_at_order ? nlohmann::json(*row.level_at_order) : nlohmann::json(nullptr)},
            {"days_to_empty_at_order",
             row.days_to_empty_at_order ? nlohmann::json(*row.days_to_empty_at_order) : nlohmann::json(nullptr)},
            {"delivery_address", row.delivery_address},
            {"contact", row.contact},
            {"vendor_company", row.vendor_company},
            {"created_at", row.created_at},
            {"updated_at", row.updated_at},
            {"closed_at", row.closed_at ? nlohmann::json(*row.closed_at) : nlohmann::json(nullptr)},
            {"version", row.version}};
}

store::Status update_toner_orders(store::Database& database, std::int64_t device_id, const std::vector<TonerLevel>& toners,
                                  const std::vector<TonerLevel>& before, const domain::LoopRules& rules, calendar::Instant now) {
    for (const auto& toner : toners) {
        const auto colour = std::string(domain::colour_name(toner.colour));
        auto open = open_order(database, device_id, colour);
        if (!open) return store::Error{open.error()};
        const auto level = comparable(toner);
        std::optional<int> previous;
        for (const auto& old : before) {
            if (old.colour == toner.colour) previous = comparable(old);
        }
        if (open.value() && level && previous && *level - *previous >= rules.forecast.replacement_rise) {
            auto closed = move_toner_order(database, *open.value(), domain::OrderState::replaced, now);
            if (!closed) return store::Error{closed.error()};
            if (auto audited = audit_order(database, "telemetry.toner_order.replaced", open.value(), open.value()->id); !audited) {
                return audited;
            }
            open.value().reset();
        }
        domain::TonerForecast forecast;
        forecast.level = toner.state == domain::LevelState::measured ? toner.percent : std::nullopt;
        forecast.near_empty = toner.state == domain::LevelState::near_empty;
        forecast.days_to_empty = toner.days_to_empty;
        const auto decision = domain::decide_order(forecast, open.value().has_value(), rules.order);
        if (!decision.order) continue;
        if (auto placed = place_order(database, device_id, toner, decision.reason, now); !placed) return placed;
    }
    return store::success();
}

store::Result<OrderPage> list_toner_orders(store::Database& database, const OrderFilter& filter) {
    const std::string where =
        " FROM telemetry_toner_orders o JOIN devices d ON d.id = o.device_id "
        "WHERE (?1 IS NULL OR o.state = ?1) AND (?2 IS NULL OR o.device_id = ?2) "
        "AND (?3 = 0 OR o.state IN ('ordered', 'shipped', 'delivered')) AND (?4 = '' OR o.vendor_company = ?4)";
    const auto bind = [&](store::Statement& s) {
        if (filter.state) s.bind(1, domain::order_state_name(*filter.state));
        if (filter.device_id) s.bind(2, *filter.device_id);
        s.bind(3, std::int64_t{filter.open_only ? 1 : 0}).bind(4, filter.vendor_company);
    };
    OrderPage page;
    auto count = database.prepare("SELECT count(*)" + where);
    if (!count) return store::Error{count.error()};
    bind(count.value());
    if (auto row = count.value().step(); !row) return store::Error{row.error()};
    page.total = count.value().column_int(0);
    auto rows = database.prepare(std::string("SELECT ") + order_columns + where + " ORDER BY o.id DESC LIMIT ?5 OFFSET ?6");
    if (!rows) return store::Error{rows.error()};
    bind(rows.value());
    rows.value().bind(5, filter.limit).bind(6, filter.offset);
    for (;;) {
        auto row = rows.value().step();
        if (!row) return store::Error{row.error()};
        if (!row.value()) break;
        page.orders.push_back(order_of(rows.value()));
    }
    return page;
}

store::Result<std::optional<TonerOrderRow>> find_toner_order(store::Database& database, std::int64_t id) {
    auto query = database.prepare(std::string("SELECT ") + order_columns +
                                  " FROM telemetry_toner_orders o JOIN devices d ON d.id = o.device_id WHERE o.id = ?1");
    if (!query) return store::Error{query.error()};
    query.value().bind(1, id);
    auto found = query.value().step();
    if (!found) return store::Error{found.error()};
    if (!found.value()) return std::optional<TonerOrderRow>();
    return std::optional(order_of(query.value()));
}

store::Result<bool> move_toner_order(store::Database& database, const TonerOrderRow& before, domain::OrderState to,
                                     calendar::Instant now) {
    auto update = database.prepare(
        "UPDATE telemetry_toner_orders SET state = ?2, updated_at = ?3, version = version + 1, "
        "closed_at = CASE WHEN ?4 THEN coalesce(closed_at, ?3) END WHERE id = ?1 AND version = ?5");
    if (!update) return store::Error{update.error()};
    update.value()
        .bind(1, before.id).bind(2, domain::order_state_name(to)).bind(3, calendar::format_iso8601_utc(now))
        .bind(4, std::int64_t{domain::is_open(to) ? 0 : 1}).bind(5, before.version);
    if (auto done = update.value().step(); !done) return store::Error{done.error()};
    return database.changes() == 1;
}

}  // namespace madoguchi::server::telemetry
