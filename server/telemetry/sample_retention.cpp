#include "telemetry/sample_retention.hpp"

#include <algorithm>
#include <vector>

#include "audit/audit_log.hpp"

namespace madoguchi::server::telemetry {

namespace {

namespace domain = madoguchi::telemetry;

constexpr std::int64_t seconds_per_day = 86400;

struct Row {
    std::int64_t device_id;
    std::int64_t kind;
    calendar::Instant at;
};

// The rows of `resolution` old enough that some bucket of theirs may fold, by device, kind, time.
store::Result<std::vector<Row>> candidates(store::Database& database, domain::Resolution resolution, calendar::Instant now,
                                           const domain::RetentionRules& rules) {
    const auto days = resolution == domain::Resolution::raw ? rules.raw_days : rules.hourly_days;
    auto query = database.prepare(
        "SELECT device_id, kind, at FROM telemetry_samples WHERE resolution = ?1 AND at < ?2 ORDER BY device_id, kind, at");
    if (!query) return store::Error{query.error()};
    query.value().bind(1, std::int64_t{static_cast<int>(resolution)})
        .bind(2, now.unix_seconds - std::max<std::int64_t>(days, 0) * seconds_per_day);
    std::vector<Row> rows;
    for (;;) {
        auto row = query.value().step();
        if (!row) return store::Error{row.error()};
        if (!row.value()) break;
        rows.push_back({query.value().column_int(0), query.value().column_int(1), calendar::Instant{query.value().column_int(2)}});
    }
    return rows;
}

store::Status fold_group(store::Database& database, std::int64_t device_id, std::int64_t kind,
                         const std::vector<calendar::Instant>& instants, domain::Resolution resolution, calendar::Instant now,
                         const domain::RetentionRules& rules, Compaction& compaction) {
    const auto plan = domain::retention_plan(instants, resolution, now, rules);
    if (plan.empty()) return store::success();
    auto last = database.prepare("SELECT payload FROM telemetry_samples WHERE device_id = ?1 AND kind = ?2 AND at = ?3");
    auto remove = database.prepare("DELETE FROM telemetry_samples WHERE device_id = ?1 AND kind = ?2 AND at = ?3");
    auto insert = database.prepare(
        "INSERT OR REPLACE INTO telemetry_samples (device_id, kind, at, payload, resolution) VALUES (?1, ?2, ?3, ?4, ?5)");
    if (!last) return store::Error{last.error()};
    if (!remove) return store::Error{remove.error()};
    if (!insert) return store::Error{insert.error()};
    for (const auto& fold : plan) {
        last.value().reset().bind(1, device_id).bind(2, kind).bind(3, instants[fold.members.back()].unix_seconds);
        auto found = last.value().step();
        if (!found) return store::Error{found.error()};
        if (!found.value()) return store::Error{"a sample to fold is gone"};
        const auto payload = last.value().column_text(0);
        for (const auto member : fold.members) {
            remove.value().reset().bind(1, device_id).bind(2, kind).bind(3, instants[member].unix_seconds);
            if (auto done = remove.value().step(); !done) return store::Error{done.error()};
            compaction.rows_folded += database.changes();
        }
        insert.value().reset()
            .bind(1, device_id).bind(2, kind).bind(3, fold.bucket.unix_seconds).bind(4, payload)
            .bind(5, std::int64_t{static_cast<int>(fold.into)});
        if (auto done = insert.value().step(); !done) return store::Error{done.error()};
        ++compaction.rows_written;
    }
    return store::success();
}

}  // namespace

store::Result<Compaction> compact_samples(store::Database& database, calendar::Instant now, const domain::RetentionRules& rules) {
    Compaction compaction;
    auto done = database.transaction([&]() -> store::Status {
        for (const auto resolution : {domain::Resolution::raw, domain::Resolution::hourly}) {
            auto rows = candidates(database, resolution, now, rules);
            if (!rows) return store::Error{rows.error()};
            std::vector<calendar::Instant> instants;
            for (std::size_t i = 0; i < rows.value().size(); ++i) {
                const auto& row = rows.value()[i];
                instants.push_back(row.at);
                const bool group_ends = i + 1 == rows.value().size() || rows.value()[i + 1].device_id != row.device_id ||
                                        rows.value()[i + 1].kind != row.kind;
                if (!group_ends) continue;
                if (auto folded = fold_group(database, row.device_id, row.kind, instants, resolution, now, rules, compaction);
                    !folded) {
                    return folded;
                }
                instants.clear();
            }
        }
        if (compaction.rows_folded == 0) return store::success();
        const audit::AuditEntry entry{audit::system_actor, "telemetry.samples_compacted", "telemetry_samples", "",
                                      std::nullopt,
                                      nlohmann::json{{"rows_folded", compaction.rows_folded},
                                                     {"rows_written", compaction.rows_written},
                                                     {"raw_days", rules.raw_days},
                                                     {"hourly_days", rules.hourly_days}}};
        return audit::record(database, entry);
    });
    if (!done) return store::Error{done.error()};
    return compaction;
}

}  // namespace madoguchi::server::telemetry
