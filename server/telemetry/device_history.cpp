#include "telemetry/device_history.hpp"

#include "telemetry/interpretation.hpp"
#include "telemetry/poll_schedule.hpp"
#include "telemetry/reading_json.hpp"

namespace madoguchi::server::telemetry {

namespace {

namespace domain = madoguchi::telemetry;

// The status sample [hrDeviceStatus, hrPrinterStatus, "error-state hex", [[severity, group, code]…]]
// as the stored reading's members, so status_of reads it.
nlohmann::json status_reading(const nlohmann::json& payload) {
    auto reading = nlohmann::json::object();
    if (!payload.is_array() || payload.size() != 4) return reading;
    reading["device_status"] = payload[0];
    reading["printer_status"] = payload[1];
    reading["detected_error_state"] = payload[2];
    auto alerts = nlohmann::json::array();
    if (payload[3].is_array()) {
        for (const auto& alert : payload[3]) {
            if (alert.is_array() && alert.size() == 3) {
                alerts.push_back({{"severity", alert[0]}, {"group", alert[1]}, {"code", alert[2]}});
            }
        }
    }
    reading["alerts"] = alerts;
    return reading;
}

}  // namespace

store::Result<nlohmann::json> device_history(store::Database& database, std::int64_t device_id, const nlohmann::json& reading,
                                             calendar::Instant since) {
    auto query = database.prepare(
        "SELECT kind, at, payload FROM telemetry_samples WHERE device_id = ?1 AND kind IN (1, 2, 3) AND at >= ?2 ORDER BY at, kind");
    if (!query) return store::Error{query.error()};
    query.value().bind(1, device_id).bind(2, since.unix_seconds);
    const auto toners = toners_of(reading);
    auto counters = nlohmann::json::array();
    std::vector<nlohmann::json> toner_points(toners.size(), nlohmann::json::array());
    auto conditions = nlohmann::json::array();
    nlohmann::json last_conditions;
    for (;;) {
        auto row = query.value().step();
        if (!row) return store::Error{row.error()};
        if (!row.value()) break;
        const auto kind = static_cast<SampleKind>(query.value().column_int(0));
        const calendar::Instant at{query.value().column_int(1)};
        const auto when = calendar::format_iso8601_utc(at);
        const auto payload = nlohmann::json::parse(query.value().column_text(2), nullptr, false);
        if (kind == SampleKind::counters) {
            if (payload.is_array() && !payload.empty() && payload[0].is_number_integer()) counters.push_back({when, payload[0]});
        } else if (kind == SampleKind::supplies) {
            for (std::size_t i = 0; i < toners.size(); ++i) {
                const auto level = level_in_sample(toners[i], reading, at, payload);
                toner_points[i].push_back({when, level.percent ? nlohmann::json(*level.percent) : nlohmann::json(nullptr)});
            }
        } else {
            // A sample is an answer, never unreachable: silent spells are in the device state.
            const auto status = status_of(status_reading(payload), 0, 1);
            auto names = nlohmann::json::array();
            for (const auto condition : status.conditions) names.push_back(domain::condition_name(condition));
            if (names == last_conditions) continue;
            last_conditions = names;
            conditions.push_back({{"at", when}, {"state", domain::printer_state_name(status.state)}, {"conditions", names}});
        }
    }
    auto toner_series = nlohmann::json::array();
    for (std::size_t i = 0; i < toners.size(); ++i) {
        toner_series.push_back({{"colour", domain::colour_name(toners[i].colour)}, {"points", std::move(toner_points[i])}});
    }
    return nlohmann::json{{"since", calendar::format_iso8601_utc(since)},
                          {"counters", counters},
                          {"toners", toner_series},
                          {"conditions", conditions}};
}

}  // namespace madoguchi::server::telemetry
