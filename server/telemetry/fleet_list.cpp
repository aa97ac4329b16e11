#include "telemetry/fleet_list.hpp"

#include "telemetry/printer_status.hpp"

namespace madoguchi::server::telemetry {

namespace {

namespace domain = madoguchi::telemetry;

constexpr const char* fleet_from =
    " FROM devices d LEFT JOIN telemetry_device_state s ON s.device_id = d.id "
    "LEFT JOIN locations l ON l.id = d.location_id LEFT JOIN device_models m ON m.id = d.model_id "
    "WHERE d.snmp_profile <> '' AND (?1 IS NULL OR l.floor = ?1) AND (?2 IS NULL OR d.model_id = ?2) "
    "AND (?3 IS NULL OR coalesce(s.printer_state, 'unknown') = ?3) "
    "AND (?6 IS NULL OR instr(search_fold(d.asset_tag), ?6) > 0 "
    "OR instr(search_fold(coalesce(m.maker, '') || ' ' || coalesce(m.name, '')), ?6) > 0 "
    "OR instr(search_fold(coalesce(l.building, '') || ' ' || coalesce(l.room, '')), ?6) > 0)";

void bind_filters(store::Statement& statement, const FleetQuery& query) {
    if (query.floor) statement.bind(1, *query.floor);
    if (query.model_id) statement.bind(2, *query.model_id);
    if (query.state) statement.bind(3, *query.state);
    if (query.text) statement.bind(6, *query.text);
}

// The fleet row's summary of the stored interpretation: the conditions' names and the toners.
void add_interpretation(nlohmann::json& device, const std::string& text) {
    const auto interpreted = nlohmann::json::parse(text, nullptr, false);
    auto conditions = nlohmann::json::array();
    auto toners = nlohmann::json::array();
    nlohmann::json fewest_days = nullptr;
    if (interpreted.is_object()) {
        for (const auto& condition : interpreted.value("conditions", nlohmann::json::array())) {
            if (condition.is_object()) conditions.push_back(condition.value("condition", ""));
        }
        for (const auto& toner : interpreted.value("toners", nlohmann::json::array())) {
            if (!toner.is_object()) continue;
            toners.push_back({{"colour", toner.value("colour", "none")},
                              {"level_state", toner.value("level_state", "unknown")},
                              {"percent", toner.value("percent", nlohmann::json(nullptr))},
                              {"days_to_empty", toner.value("days_to_empty", nlohmann::json(nullptr))}});
            const auto days = toner.value("days_to_empty", nlohmann::json(nullptr));
            if (days.is_number() && (fewest_days.is_null() || days.get<double>() < fewest_days.get<double>())) fewest_days = days;
        }
        device["page_count"] = interpreted.value("page_count", nlohmann::json(nullptr));
    } else {
        device["page_count"] = nullptr;
    }
    device["conditions"] = conditions;
    device["toners"] = toners;
    device["days_to_empty"] = fewest_days;
}

}  // namespace

store::Result<nlohmann::json> fleet_list(store::Database& database, const FleetQuery& query) {
    auto states = nlohmann::json::object();
    for (const auto state : {domain::PrinterState::ok, domain::PrinterState::attention, domain::PrinterState::error,
                             domain::PrinterState::unreachable, domain::PrinterState::unknown}) {
        states[std::string(domain::printer_state_name(state))] = 0;
    }
    auto counts = database.prepare(std::string("SELECT coalesce(s.printer_state, 'unknown'), count(*)") + fleet_from +
                                   " GROUP BY 1");
    if (!counts) return store::Error{counts.error()};
    bind_filters(counts.value(), query);
    std::int64_t total = 0;
    for (;;) {
        auto row = counts.value().step();
        if (!row) return store::Error{row.error()};
        if (!row.value()) break;
        states[counts.value().column_text(0)] = counts.value().column_int(1);
        total += counts.value().column_int(1);
    }
    auto rows = database.prepare(
        std::string("SELECT d.id, d.asset_tag, d.model_id, coalesce(m.maker, ''), coalesce(m.name, ''), "
                    "coalesce(l.building, ''), coalesce(l.floor, ''), coalesce(l.room, ''), "
                    "coalesce(s.printer_state, 'unknown'), s.reachable, s.polled_at, s.last_seen_at, s.offline_cycles, "
                    "coalesce(s.interpreted, '{}'), "
                    "(SELECT count(*) FROM telemetry_fault_incidents i WHERE i.device_id = d.id AND i.cleared_at IS NULL), "
                    "(SELECT count(*) FROM telemetry_toner_orders o WHERE o.device_id = d.id "
                    "AND o.state IN ('ordered', 'shipped', 'delivered'))") +
        fleet_from + " ORDER BY d.asset_tag LIMIT ?4 OFFSET ?5");
    if (!rows) return store::Error{rows.error()};
    bind_filters(rows.value(), query);
    rows.value().bind(4, query.limit).bind(5, query.offset);
    auto devices = nlohmann::json::array();
    for (;;) {
        auto row = rows.value().step();
        if (!row) return store::Error{row.error()};
        if (!row.value()) break;
        const auto& s = rows.value();
        const auto text_or_null = [&](int column) {
            return s.column_is_null(column) ? nlohmann::json(nullptr) : nlohmann::json(s.column_text(column));
        };
        nlohmann::json device{{"device_id", s.column_int(0)},
                              {"asset_tag", s.column_text(1)},
                              {"model_id", s.column_is_null(2) ? nlohmann::json(nullptr) : nlohmann::json(s.column_int(2))},
                              {"maker", s.column_text(3)},
                              {"model", s.column_text(4)},
                              {"building", s.column_text(5)},
                              {"floor", s.column_text(6)},
                              {"room", s.column_text(7)},
                              {"state", s.column_text(8)},
                              {"reachable", s.column_is_null(9) ? nlohmann::json(nullptr) : nlohmann::json(s.column_int(9) == 1)},
                              {"polled_at", text_or_null(10)},
                              {"last_seen_at", text_or_null(11)},
                              {"offline_cycles", s.column_is_null(12) ? 0 : s.column_int(12)},
                              {"open_incidents", s.column_int(14)},
                              {"open_toner_orders", s.column_int(15)}};
        add_interpretation(device, s.column_text(13));
        devices.push_back(std::move(device));
    }
    return nlohmann::json{{"devices", devices}, {"total", total}, {"limit", query.limit}, {"offset", query.offset},
                          {"states", states}};
}

}  // namespace madoguchi::server::telemetry
