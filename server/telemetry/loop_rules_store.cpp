#include "telemetry/loop_rules_store.hpp"

namespace madoguchi::server::telemetry {

nlohmann::json to_json(const StoredLoopRules& stored) {
    const auto& r = stored.rules;
    return {{"offline_cycles", r.offline_cycles},
            {"lead_time_days", static_cast<std::int64_t>(r.order.lead_time_days)},
            {"order_at_percent", r.order.order_at_percent},
            {"replacement_rise", r.forecast.replacement_rise},
            {"window_days", r.forecast.window_days},
            {"min_days", r.forecast.min_days},
            {"incident_requester", r.incident_requester},
            {"version", stored.version},
            {"updated_by", stored.updated_by},
            {"updated_at", stored.updated_at}};
}

store::Result<StoredLoopRules> load_loop_rules(store::Database& database) {
    auto query = database.prepare(
        "SELECT offline_cycles, lead_time_days, order_at_percent, replacement_rise, window_days, min_days, "
        "incident_requester, version, updated_by, updated_at FROM telemetry_loop_rules WHERE id = 1");
    if (!query) return store::Error{query.error()};
    auto found = query.value().step();
    if (!found) return store::Error{found.error()};
    StoredLoopRules stored;
    if (!found.value()) return stored;
    const auto& row = query.value();
    auto& r = stored.rules;
    r.offline_cycles = static_cast<int>(row.column_int(0));
    r.order.lead_time_days = static_cast<double>(row.column_int(1));
    r.order.order_at_percent = static_cast<int>(row.column_int(2));
    r.forecast.replacement_rise = static_cast<int>(row.column_int(3));
    r.forecast.window_days = static_cast<int>(row.column_int(4));
    r.forecast.min_days = static_cast<int>(row.column_int(5));
    r.incident_requester = row.column_text(6);
    stored.version = row.column_int(7);
    stored.updated_by = row.column_text(8);
    stored.updated_at = row.column_text(9);
    return stored;
}

store::Result<bool> save_loop_rules(store::Database& database, const madoguchi::telemetry::LoopRules& rules,
                                    std::int64_t version, const std::string& actor, calendar::Instant now) {
    auto upsert = database.prepare(
        "INSERT INTO telemetry_loop_rules (id, offline_cycles, lead_time_days, order_at_percent, replacement_rise, "
        "window_days, min_days, incident_requester, version, updated_by, updated_at) "
        "SELECT 1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, 1, ?8, ?9 WHERE ?10 = 0 "
        "ON CONFLICT (id) DO NOTHING");
    if (!upsert) return store::Error{upsert.error()};
    const auto bind_values = [&](store::Statement& s) {
        s.bind(1, std::int64_t{rules.offline_cycles}).bind(2, static_cast<std::int64_t>(rules.order.lead_time_days))
            .bind(3, std::int64_t{rules.order.order_at_percent}).bind(4, std::int64_t{rules.forecast.replacement_rise})
            .bind(5, std::int64_t{rules.forecast.window_days}).bind(6, std::int64_t{rules.forecast.min_days})
            .bind(7, rules.incident_requester).bind(8, actor).bind(9, calendar::format_iso8601_utc(now))
            .bind(10, version);
    };
    // The first change inserts the row (version 0 → 1); later ones update it when the version matches.
    bind_values(upsert.value());
    if (auto done = upsert.value().step(); !done) return store::Error{done.error()};
    if (database.changes() == 1) return true;
    auto update = database.prepare(
        "UPDATE telemetry_loop_rules SET offline_cycles = ?1, lead_time_days = ?2, order_at_percent = ?3, "
        "replacement_rise = ?4, window_days = ?5, min_days = ?6, incident_requester = ?7, version = version + 1, "
        "updated_by = ?8, updated_at = ?9 WHERE id = 1 AND version = ?10 AND ?10 > 0");
    if (!update) return store::Error{update.error()};
    bind_values(update.value());
    if (auto done = update.value().step(); !done) return store::Error{done.error()};
    return database.changes() == 1;
}

}  // namespace madoguchi::server::telemetry
