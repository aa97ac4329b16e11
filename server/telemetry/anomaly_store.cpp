#include "telemetry/anomaly_store.hpp"

#include <array>

namespace madoguchi::server::telemetry {
namespace {

constexpr std::array<std::string_view, 4> kind_names{"counter_backwards", "unusually_high", "unusually_low", "silent"};

constexpr std::string_view columns =
    "a.id, a.device_id, d.asset_tag, a.kind, a.day, a.pages, a.usual_pages, a.detected_at, a.acknowledged_at, "
    "a.acknowledged_by, a.note FROM telemetry_anomalies a JOIN devices d ON d.id = a.device_id";

nlohmann::json row_json(const store::Statement& q) {
    return {{"id", q.column_int(0)},
            {"device_id", q.column_int(1)},
            {"asset_tag", q.column_text(2)},
            {"kind", q.column_text(3)},
            {"day", q.column_text(4)},
            {"pages", q.column_int(5)},
            {"usual_pages", q.column_int(6)},
            {"detected_at", q.column_text(7)},
            {"acknowledged_at", q.column_is_null(8) ? nlohmann::json(nullptr) : nlohmann::json(q.column_text(8))},
            {"acknowledged_by", q.column_text(9)},
            {"note", q.column_text(10)}};
}

}  // namespace

std::string_view anomaly_kind_name(AnomalyKind kind) { return kind_names[static_cast<std::size_t>(kind)]; }

std::optional<AnomalyKind> parse_anomaly_kind(std::string_view name) {
    for (std::size_t i = 0; i < kind_names.size(); ++i)
        if (kind_names[i] == name) return static_cast<AnomalyKind>(i);
    return std::nullopt;
}

store::Result<bool> flag_anomaly(store::Database& database, const Finding& finding, const calendar::Date& day,
                                 const audit::Actor& actor, calendar::Instant now) {
    auto insert = database.prepare(
        "INSERT INTO telemetry_anomalies (device_id, kind, day, pages, usual_pages, detected_at) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (device_id, kind, day) DO NOTHING");
    if (!insert) return store::Error{insert.error()};
    insert.value()
        .bind(1, finding.device_id)
        .bind(2, anomaly_kind_name(finding.kind))
        .bind(3, calendar::format_date(day))
        .bind(4, finding.pages)
        .bind(5, finding.usual_pages)
        .bind(6, calendar::format_iso8601_utc(now));
    if (auto done = insert.value().step(); !done) return store::Error{done.error()};
    if (database.changes() == 0) return false;
    const auto id = database.last_insert_id();
    auto stored = find_anomaly(database, id);
    if (!stored) return store::Error{stored.error()};
    const audit::AuditEntry entry{actor, "telemetry_anomaly.flagged", "telemetry_anomaly", std::to_string(id),
                                  std::nullopt, stored.value().value_or(nlohmann::json(nullptr))};
    if (auto recorded = audit::record(database, entry); !recorded) return store::Error{recorded.error()};
    return true;
}

store::Result<nlohmann::json> list_anomalies(store::Database& database, AnomalyFilter filter, int limit) {
    std::string sql = "SELECT ";
    sql += columns;
    if (filter == AnomalyFilter::open) sql += " WHERE a.acknowledged_at IS NULL";
    if (filter == AnomalyFilter::acknowledged) sql += " WHERE a.acknowledged_at IS NOT NULL";
    sql += " ORDER BY a.day DESC, a.id DESC LIMIT ?1";
    auto query = database.prepare(sql);
    if (!query) return store::Error{query.error()};
    query.value().bind(1, std::int64_t{limit});
    auto items = nlohmann::json::array();
    for (;;) {
        auto row = query.value().step();
        if (!row) return store::Error{row.error()};
        if (!row.value()) break;
        items.push_back(row_json(query.value()));
    }
    return items;
}

store::Result<std::optional<nlohmann::json>> find_anomaly(store::Database& database, std::int64_t id) {
    std::string sql = "SELECT ";
    sql += columns;
    sql += " WHERE a.id = ?1";
    auto query = database.prepare(sql);
    if (!query) return store::Error{query.error()};
    query.value().bind(1, id);
    auto row = query.value().step();
    if (!row) return store::Error{row.error()};
    if (!row.value()) return std::optional<nlohmann::json>();
    return std::optional(row_json(query.value()));
}

store::Result<bool> acknowledge_anomaly(store::Database& database, std::int64_t id, const std::string& actor,
                                        const std::string& note, calendar::Instant now) {
    auto update = database.prepare(
        "UPDATE telemetry_anomalies SET acknowledged_at = ?2, acknowledged_by = ?3, note = ?4 "
        "WHERE id = ?1 AND acknowledged_at IS NULL");
    if (!update) return store::Error{update.error()};
    update.value().bind(1, id).bind(2, calendar::format_iso8601_utc(now)).bind(3, actor).bind(4, note);
    if (auto done = update.value().step(); !done) return store::Error{done.error()};
    return database.changes() > 0;
}

}  // namespace madoguchi::server::telemetry
