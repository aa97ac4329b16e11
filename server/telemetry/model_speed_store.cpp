#include "telemetry/model_speed_store.hpp"

#include "inventory/device_class.hpp"

namespace madoguchi::server::telemetry {
namespace {

// "'mfp', 'floor_printer_mono', …": the classes the catalog marks as polled over SNMP; their
// codes are the catalog's constants, so they go into the SQL text as they are.
std::string polled_class_list() {
    std::string list;
    for (const auto& device_class : ::madoguchi::inventory::device_classes()) {
        if (!device_class.telemetry) continue;
        if (!list.empty()) list += ", ";
        list.append("'").append(device_class.code).append("'");
    }
    return list;
}

}  // namespace

store::Result<std::vector<ModelSpeed>> model_speeds(store::Database& database, std::optional<std::int64_t> only) {
    // A printer model: of a polled class, or with a device the fleet list shows (an SNMP
    // profile), or with a speed already entered (so it can still be cleared).
    static const std::string sql =
        "SELECT m.id, m.maker || ' ' || m.name, s.pages_per_minute, coalesce(s.updated_by, ''), coalesce(s.updated_at, '') "
        "FROM device_models m LEFT JOIN telemetry_model_speeds s ON s.model_id = m.id "
        "WHERE (?1 IS NULL OR m.id = ?1) AND (m.class IN (" + polled_class_list() + ") OR s.model_id IS NOT NULL "
        "OR EXISTS (SELECT 1 FROM devices d WHERE d.model_id = m.id AND d.snmp_profile <> '')) "
        "ORDER BY m.maker, m.name";
    auto query = database.prepare(sql);
    if (!query) return store::Error{query.error()};
    if (only) query.value().bind(1, *only);
    std::vector<ModelSpeed> speeds;
    for (;;) {
        auto row = query.value().step();
        if (!row) return store::Error{row.error()};
        if (!row.value()) break;
        const auto& q = query.value();
        ModelSpeed speed{q.column_int(0), q.column_text(1), std::nullopt, q.column_text(3), q.column_text(4)};
        if (!q.column_is_null(2)) speed.pages_per_minute = q.column_int(2);
        speeds.push_back(std::move(speed));
    }
    return speeds;
}

store::Status save_model_speed(store::Database& database, std::int64_t model_id,
                               std::optional<std::int64_t> pages_per_minute, const std::string& actor,
                               calendar::Instant now) {
    auto statement = database.prepare(
        pages_per_minute ? "INSERT INTO telemetry_model_speeds (model_id, pages_per_minute, updated_by, updated_at) "
                           "VALUES (?1, ?2, ?3, ?4) ON CONFLICT (model_id) DO UPDATE SET "
                           "pages_per_minute = excluded.pages_per_minute, updated_by = excluded.updated_by, "
                           "updated_at = excluded.updated_at"
                         : "DELETE FROM telemetry_model_speeds WHERE model_id = ?1");
    if (!statement) return store::Error{statement.error()};
    statement.value().bind(1, model_id);
    if (pages_per_minute) {
        statement.value().bind(2, *pages_per_minute).bind(3, actor).bind(4, calendar::format_iso8601_utc(now));
    }
    if (auto done = statement.value().step(); !done) return store::Error{done.error()};
    return store::success();
}

store::Result<std::map<std::int64_t, std::int64_t>> device_page_limits(store::Database& database) {
    auto query = database.prepare(
        "SELECT d.id, s.pages_per_minute * 60 FROM devices d JOIN telemetry_model_speeds s ON s.model_id = d.model_id");
    if (!query) return store::Error{query.error()};
    std::map<std::int64_t, std::int64_t> limits;
    for (;;) {
        auto row = query.value().step();
        if (!row) return store::Error{row.error()};
        if (!row.value()) break;
        limits[query.value().column_int(0)] = query.value().column_int(1);
    }
    return limits;
}

std::int64_t max_pages_per_hour(const std::map<std::int64_t, std::int64_t>& limits, std::int64_t device_id) {
    const auto found = limits.find(device_id);
    return found != limits.end() ? found->second : fleet_max_pages_per_minute * 60;
}

}  // namespace madoguchi::server::telemetry
