#include "telemetry/telemetry_store.hpp"

#include "telemetry/cycle_effects.hpp"
#include "telemetry/loop_rules_store.hpp"
#include "telemetry/reading_json.hpp"

namespace madoguchi::server::telemetry {
namespace {

// Kinds written only when they changed: they stay the same for hours.
bool on_change_only(SampleKind kind) { return kind != SampleKind::counters; }

}  // namespace

CycleSummary summarise(const PollOutcome& outcome, std::string trigger, calendar::Instant started,
                       calendar::Instant finished) {
    CycleSummary summary;
    summary.trigger = std::move(trigger);
    summary.started = started;
    summary.finished = finished;
    summary.devices = static_cast<int>(outcome.devices.size());
    summary.requests = outcome.requests;
    summary.in_flight_peak = outcome.in_flight_peak;
    for (const auto& device : outcome.devices) {
        summary.kinds |= device.kinds;
        if (device.reachable) ++summary.reachable;
        if (device.failure == "timeout") ++summary.timeouts;
        if (!device.oddities.empty()) ++summary.oddities;
    }
    return summary;
}

std::string sample_payload(SampleKind kind, const SnmpReading& r) {
    auto payload = nlohmann::json::array();
    switch (kind) {
    case SampleKind::status: {
        auto alerts = nlohmann::json::array();
        for (const auto& a : r.alerts) alerts.push_back({json_number(a.severity), json_number(a.group), json_number(a.code)});
        payload = {json_number(r.device_status), json_number(r.printer_status),
                   r.detected_error_state ? nlohmann::json(hex_octets(*r.detected_error_state)) : nlohmann::json(nullptr),
                   alerts};
        break;
    }
    case SampleKind::supplies: {
        auto supplies = nlohmann::json::array();
        for (const auto& s : r.supplies) {
            supplies.push_back({s.index, json_number(s.supply_class), json_number(s.type), json_number(s.unit), json_number(s.max_capacity),
                                json_number(s.level)});
        }
        auto toners = nlohmann::json::array();
        for (const auto& t : r.ricoh_toners) toners.push_back({t.index, json_number(t.level)});
        payload = {supplies, toners};
        break;
    }
    case SampleKind::counters: {
        auto counters = nlohmann::json::array();
        for (const auto& c : r.ricoh_counters) counters.push_back({c.index, json_number(c.value)});
        payload = {json_number(r.marker_life_count), json_number(r.marker_counter_unit), counters};
        break;
    }
    case SampleKind::firmware:
        payload = {r.ricoh_firmware_version, r.sys_descr};
        break;
    }
    return json_text(payload);
}

store::Result<std::int64_t> record_cycle(store::Database& database, CycleSummary& summary,
                                         std::span<const DeviceReading> devices) {
    std::int64_t cycle_id = 0;
    summary.samples_written = 0;
    const auto polled_at = calendar::format_iso8601_utc(summary.finished);
    auto written = database.transaction([&]() -> store::Status {
        auto cycle = database.prepare(
            "INSERT INTO telemetry_poll_cycles (started_at, finished_at, trigger, kinds, devices, reachable, timeouts, "
            "devices_with_oddities, requests, in_flight_peak, wall_milliseconds) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
        if (!cycle) return store::Error{cycle.error()};
        cycle.value()
            .bind(1, calendar::format_iso8601_utc(summary.started)).bind(2, polled_at).bind(3, summary.trigger)
            .bind(4, summary.kinds.names()).bind(5, std::int64_t{summary.devices}).bind(6, std::int64_t{summary.reachable})
            .bind(7, std::int64_t{summary.timeouts}).bind(8, std::int64_t{summary.oddities})
            .bind(9, std::int64_t{summary.requests}).bind(10, std::int64_t{summary.in_flight_peak})
            .bind(11, summary.wall_milliseconds);
        if (auto done = cycle.value().step(); !done) return store::Error{done.error()};
        cycle_id = database.last_insert_id();

        // A kind's *_read_at is the cycle's start, the time the poll job's turns count from
        // (device_kinds_due); kept as it was when the device did not answer.
        auto state = database.prepare(
            "INSERT INTO telemetry_device_state (device_id, polled_at, reachable, failure, last_seen_at, reading, "
            "oddities, offline_cycles, cycle_id, status_read_at, supplies_read_at, counters_read_at, firmware_read_at) "
            "VALUES (?1, ?2, ?3, ?4, CASE WHEN ?3 THEN ?2 END, ?5, ?6, 1 - ?3, ?7, CASE WHEN ?9 THEN ?8 END, "
            "CASE WHEN ?10 THEN ?8 END, CASE WHEN ?11 THEN ?8 END, CASE WHEN ?12 THEN ?8 END) "
            "ON CONFLICT (device_id) DO UPDATE SET polled_at = excluded.polled_at, reachable = excluded.reachable, "
            "failure = excluded.failure, last_seen_at = coalesce(excluded.last_seen_at, last_seen_at), "
            "reading = CASE WHEN excluded.reachable THEN json_patch(reading, excluded.reading) ELSE reading END, "
            "oddities = excluded.oddities, offline_cycles = CASE WHEN excluded.reachable THEN 0 ELSE offline_cycles + 1 END, "
            "cycle_id = excluded.cycle_id, status_read_at = coalesce(excluded.status_read_at, status_read_at), "
            "supplies_read_at = coalesce(excluded.supplies_read_at, supplies_read_at), "
            "counters_read_at = coalesce(excluded.counters_read_at, counters_read_at), "
            "firmware_read_at = coalesce(excluded.firmware_read_at, firmware_read_at)");
        if (!state) return store::Error{state.error()};
        auto sample = database.prepare(
            "INSERT OR IGNORE INTO telemetry_samples (device_id, kind, at, payload) SELECT ?1, ?2, ?3, ?4 "
            "WHERE ?5 = 0 OR NOT EXISTS (SELECT 1 FROM (SELECT payload FROM telemetry_samples "
            "WHERE device_id = ?1 AND kind = ?2 ORDER BY at DESC LIMIT 1) WHERE payload = ?4)");
        if (!sample) return store::Error{sample.error()};
        for (const auto& device : devices) {
            auto& s = state.value();
            s.reset()
                .bind(1, device.device_id).bind(2, polled_at).bind(3, std::int64_t{device.reachable ? 1 : 0})
                .bind(4, device.failure)
                .bind(5, device.reachable ? json_text(reading_json(device.reading, device.kinds)) : std::string("{}"))
                .bind(6, json_text(oddities_json(device.oddities))).bind(7, cycle_id).bind(8, summary.started.unix_seconds);
            for (const auto kind : all_sample_kinds) {
                s.bind(8 + static_cast<int>(kind), std::int64_t{device.reachable && device.kinds.contains(kind) ? 1 : 0});
            }
            if (auto done = s.step(); !done) return store::Error{done.error()};
            if (!device.reachable) continue;
            for (const auto kind : all_sample_kinds) {
                if (!device.kinds.contains(kind)) continue;
                auto& insert = sample.value();
                insert.reset()
                    .bind(1, device.device_id).bind(2, std::int64_t{static_cast<int>(kind)})
                    .bind(3, summary.finished.unix_seconds).bind(4, sample_payload(kind, device.reading))
                    .bind(5, std::int64_t{on_change_only(kind) ? 1 : 0});
                if (auto done = insert.step(); !done) return store::Error{done.error()};
                summary.samples_written += database.changes();
            }
        }
        // Read in the cycle's transaction: a change of the rules applies from the next cycle whole.
        auto rules = load_loop_rules(database);
        if (!rules) return store::Error{rules.error()};
        return apply_cycle_effects(database, devices, rules.value().rules, summary.finished);
    });
    if (!written) return store::Error{written.error()};
    return cycle_id;
}

}  // namespace madoguchi::server::telemetry
