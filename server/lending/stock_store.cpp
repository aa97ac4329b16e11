#include "lending/stock_store.hpp"

namespace madoguchi::server::lending {
namespace {

namespace domain = madoguchi::lending;

// The class as a whole is stored as location 0: a primary key cannot hold NULL.
std::int64_t stored_location(const domain::Threshold& threshold) { return threshold.location_id.value_or(0); }

}  // namespace

nlohmann::json to_json(const StoredThreshold& stored) {
    const auto& t = stored.threshold;
    return {{"class", t.class_code},
            {"location_id", t.location_id ? nlohmann::json(*t.location_id) : nlohmann::json(nullptr)},
            {"location_name", stored.location_name},
            {"minimum", t.minimum},
            {"updated_by", stored.updated_by},
            {"updated_at", stored.updated_at}};
}

store::Result<std::vector<StoredThreshold>> load_thresholds(store::Database& database) {
    auto select = database.prepare(
        "SELECT t.class, t.location_id, coalesce(trim(l.building || ' ' || l.floor || ' ' || l.room), ''), t.minimum, "
        "t.updated_by, t.updated_at FROM stock_thresholds t LEFT JOIN locations l ON l.id = t.location_id "
        "ORDER BY t.class, t.location_id");
    if (!select) return store::Error{select.error()};
    std::vector<StoredThreshold> thresholds;
    while (true) {
        auto step = select.value().step();
        if (!step) return store::Error{step.error()};
        if (!step.value()) return thresholds;
        const auto& s = select.value();
        StoredThreshold stored;
        stored.threshold.class_code = s.column_text(0);
        if (s.column_int(1) != 0) stored.threshold.location_id = s.column_int(1);
        stored.location_name = s.column_text(2);
        stored.threshold.minimum = static_cast<int>(s.column_int(3));
        stored.updated_by = s.column_text(4);
        stored.updated_at = s.column_text(5);
        thresholds.push_back(std::move(stored));
    }
}

store::Status save_thresholds(store::Database& database, const std::vector<domain::Threshold>& thresholds,
                              const std::string& actor, calendar::Instant now) {
    if (auto cleared = database.execute("DELETE FROM stock_thresholds"); !cleared) return cleared;
    auto insert = database.prepare(
        "INSERT INTO stock_thresholds (class, location_id, minimum, updated_by, updated_at) VALUES (?1, ?2, ?3, ?4, ?5)");
    if (!insert) return store::Error{insert.error()};
    const auto stamp = calendar::format_iso8601_utc(now);
    for (const auto& threshold : thresholds) {
        insert.value().reset().bind(1, threshold.class_code).bind(2, stored_location(threshold))
            .bind(3, std::int64_t{threshold.minimum}).bind(4, actor).bind(5, stamp);
        if (auto done = insert.value().step(); !done) return store::Error{done.error()};
    }
    return store::success();
}

store::Result<std::vector<std::int64_t>> stock_locations(store::Database& database, const std::string& class_code) {
    auto select = database.prepare(
        "SELECT location_id FROM devices WHERE class = ?1 AND location_id IS NOT NULL AND "
        "state IN ('in_stock', 'reserved', 'on_loan', 'in_transit', 'in_repair') "
        "UNION SELECT location_id FROM stock_thresholds WHERE class = ?1 AND location_id <> 0 ORDER BY 1");
    if (!select) return store::Error{select.error()};
    select.value().bind(1, class_code);
    std::vector<std::int64_t> ids;
    while (true) {
        auto step = select.value().step();
        if (!step) return store::Error{step.error()};
        if (!step.value()) return ids;
        ids.push_back(select.value().column_int(0));
    }
}

store::Status set_repair_return(store::Database& database, std::int64_t device_id, const calendar::Date& expected_on,
                                const std::string& actor, calendar::Instant now) {
    auto upsert = database.prepare(
        "INSERT INTO device_repair_returns (device_id, expected_on, set_by, set_at) VALUES (?1, ?2, ?3, ?4) "
        "ON CONFLICT (device_id) DO UPDATE SET expected_on = excluded.expected_on, set_by = excluded.set_by, "
        "set_at = excluded.set_at");
    if (!upsert) return store::Error{upsert.error()};
    upsert.value().bind(1, device_id).bind(2, calendar::format_date(expected_on)).bind(3, actor)
        .bind(4, calendar::format_iso8601_utc(now));
    if (auto done = upsert.value().step(); !done) return store::Error{done.error()};
    return store::success();
}

store::Result<bool> alert_open(store::Database& database, const domain::Threshold& pool) {
    auto select = database.prepare(
        "SELECT EXISTS (SELECT 1 FROM stock_alerts WHERE class = ?1 AND location_id = ?2 AND recovered_at IS NULL)");
    if (!select) return store::Error{select.error()};
    select.value().bind(1, pool.class_code).bind(2, stored_location(pool));
    if (auto step = select.value().step(); !step) return store::Error{step.error()};
    return select.value().column_int(0) == 1;
}

store::Status raise_alert(store::Database& database, const domain::Threshold& pool, int available, calendar::Instant now) {
    auto insert = database.prepare(
        "INSERT INTO stock_alerts (class, location_id, available, minimum, raised_at) VALUES (?1, ?2, ?3, ?4, ?5)");
    if (!insert) return store::Error{insert.error()};
    insert.value().bind(1, pool.class_code).bind(2, stored_location(pool)).bind(3, std::int64_t{available})
        .bind(4, std::int64_t{pool.minimum}).bind(5, calendar::format_iso8601_utc(now));
    if (auto done = insert.value().step(); !done) return store::Error{done.error()};
    return store::success();
}

store::Status close_alert(store::Database& database, const domain::Threshold& pool, calendar::Instant now) {
    auto update = database.prepare(
        "UPDATE stock_alerts SET recovered_at = ?3 WHERE class = ?1 AND location_id = ?2 AND recovered_at IS NULL");
    if (!update) return store::Error{update.error()};
    update.value().bind(1, pool.class_code).bind(2, stored_location(pool)).bind(3, calendar::format_iso8601_utc(now));
    if (auto done = update.value().step(); !done) return store::Error{done.error()};
    return store::success();
}

}  // namespace madoguchi::server::lending
