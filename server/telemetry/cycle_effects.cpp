#include "telemetry/cycle_effects.hpp"

#include "telemetry/fault_incidents.hpp"
#include "telemetry/interpretation.hpp"
#include "telemetry/reading_json.hpp"
#include "telemetry/toner_orders.hpp"

namespace madoguchi::server::telemetry {

namespace {

namespace domain = madoguchi::telemetry;

constexpr std::int64_t seconds_per_day = 86400;

struct StoredState {
    nlohmann::json reading;
    int offline_cycles = 0;
    nlohmann::json interpreted;
};

store::Result<std::optional<StoredState>> stored_state(store::Database& database, std::int64_t device_id) {
    auto query = database.prepare("SELECT reading, offline_cycles, interpreted FROM telemetry_device_state WHERE device_id = ?1");
    if (!query) return store::Error{query.error()};
    query.value().bind(1, device_id);
    auto found = query.value().step();
    if (!found) return store::Error{found.error()};
    if (!found.value()) return std::optional<StoredState>();
    const auto& s = query.value();
    return std::optional(StoredState{nlohmann::json::parse(s.column_text(0), nullptr, false),
                                     static_cast<int>(s.column_int(1)),
                                     nlohmann::json::parse(s.column_text(2), nullptr, false)});
}

// Each toner's consumption and days left from the supplies samples of the forecast's window.
store::Status forecast(store::Database& database, std::int64_t device_id, const nlohmann::json& reading,
                       std::vector<TonerLevel>& toners, const domain::LoopRules& rules, calendar::Instant now) {
    auto query = database.prepare(
        "SELECT at, payload FROM telemetry_samples WHERE device_id = ?1 AND kind = ?2 AND at >= ?3 ORDER BY at");
    if (!query) return store::Error{query.error()};
    query.value().bind(1, device_id).bind(2, std::int64_t{static_cast<int>(SampleKind::supplies)})
        .bind(3, now.unix_seconds - std::int64_t{rules.forecast.window_days} * seconds_per_day);
    std::vector<std::pair<calendar::Instant, nlohmann::json>> samples;
    for (;;) {
        auto row = query.value().step();
        if (!row) return store::Error{row.error()};
        if (!row.value()) break;
        samples.emplace_back(calendar::Instant{query.value().column_int(0)},
                             nlohmann::json::parse(query.value().column_text(1), nullptr, false));
    }
    for (auto& toner : toners) {
        std::vector<domain::LevelSample> levels;
        levels.reserve(samples.size());
        for (const auto& [at, payload] : samples) levels.push_back(level_in_sample(toner, reading, at, payload));
        const auto result = domain::forecast_toner(levels, now, rules.forecast);
        toner.percent_per_day = result.percent_per_day;
        toner.days_to_empty = result.days_to_empty;
    }
    return store::success();
}

}  // namespace

store::Status apply_cycle_effects(store::Database& database, std::span<const DeviceReading> devices,
                                  const domain::LoopRules& rules, calendar::Instant now) {
    auto update = database.prepare("UPDATE telemetry_device_state SET printer_state = ?2, interpreted = ?3 WHERE device_id = ?1");
    if (!update) return store::Error{update.error()};
    for (const auto& device : devices) {
        auto state = stored_state(database, device.device_id);
        if (!state) return store::Error{state.error()};
        if (!state.value()) continue;
        const auto& stored = *state.value();
        const auto reading = stored.reading.is_object() ? stored.reading : nlohmann::json::object();
        Interpretation interpretation;
        interpretation.status = status_of(reading, stored.offline_cycles, rules.offline_cycles);
        const auto before = toners_from_json(stored.interpreted.is_object() ? stored.interpreted : nlohmann::json::object());
        const bool toners_read = device.reachable && device.kinds.contains(SampleKind::supplies);
        if (toners_read) {
            interpretation.toners = toners_of(reading);
            if (auto done = forecast(database, device.device_id, reading, interpretation.toners, rules, now); !done) return done;
        } else {
            interpretation.toners = before;
        }
        note_low_toner(interpretation, rules.order.order_at_percent);
        if (const auto count = reading.find("marker_life_count"); count != reading.end() && count->is_number_integer()) {
            interpretation.page_count = count->get<std::int64_t>();
        }
        update.value().reset()
            .bind(1, device.device_id).bind(2, domain::printer_state_name(interpretation.status.state))
            .bind(3, json_text(to_json(interpretation)));
        if (auto done = update.value().step(); !done) return store::Error{done.error()};
        if (toners_read) {
            if (auto orders = update_toner_orders(database, device.device_id, interpretation.toners, before, rules, now); !orders) {
                return orders;
            }
        }
        if (auto incidents = update_fault_incidents(database, device.device_id, device.reachable,
                                                    interpretation.status.conditions, rules, now);
            !incidents) {
            return incidents;
        }
    }
    return store::success();
}

}  // namespace madoguchi::server::telemetry
