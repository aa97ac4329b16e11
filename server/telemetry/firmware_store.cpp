#include "telemetry/firmware_store.hpp"

#include <algorithm>
#include <map>

#include "tickets/workflow.hpp"

namespace madoguchi::server::telemetry {
namespace {

namespace domain = madoguchi::telemetry;
namespace ticket_domain = madoguchi::tickets;

// The Ricoh firmware version of a kind 4 payload ["version", "sysDescr"]; empty otherwise.
std::string running_version(const std::string& payload) {
    const auto values = nlohmann::json::parse(payload, nullptr, false);
    if (!values.is_array() || values.empty() || !values[0].is_string()) return {};
    return values[0].get<std::string>();
}

bool is_open(const std::string& kind, const std::string& state) {
    const auto parsed_kind = ticket_domain::parse_kind(kind);
    const auto parsed_state = ticket_domain::parse_ticket_state(state);
    return parsed_kind && parsed_state && !ticket_domain::is_terminal(*parsed_kind, *parsed_state);
}

store::Status load_models(store::Database& database, std::optional<std::int64_t> model_id,
                          std::map<std::int64_t, ModelCompliance>& models) {
    auto query = database.prepare(
        "SELECT m.id, m.maker || ' ' || m.name, t.version, t.updated_by, t.updated_at FROM device_models m "
        "LEFT JOIN telemetry_firmware_targets t ON t.model_id = m.id "
        "WHERE (?1 IS NULL OR m.id = ?1) AND (t.model_id IS NOT NULL OR ?1 IS NOT NULL OR EXISTS "
        "(SELECT 1 FROM devices d WHERE d.model_id = m.id AND d.snmp_profile <> ''))");
    if (!query) return store::Error{query.error()};
    if (model_id) query.value().bind(1, *model_id);
    for (;;) {
        auto row = query.value().step();
        if (!row) return store::Error{row.error()};
        if (!row.value()) break;
        auto& q = query.value();
        ModelCompliance model;
        model.model_id = q.column_int(0);
        model.model = q.column_text(1);
        if (!q.column_is_null(2)) {
            model.target = q.column_text(2);
            model.target_updated_by = q.column_text(3);
            model.target_updated_at = q.column_text(4);
        }
        models.emplace(model.model_id, std::move(model));
    }
    return store::success();
}

store::Status load_devices(store::Database& database, std::map<std::int64_t, ModelCompliance>& models) {
    auto query = database.prepare(
        "SELECT d.model_id, d.id, d.asset_tag, (SELECT payload FROM telemetry_samples s WHERE s.device_id = d.id "
        "AND s.kind = 4 ORDER BY s.at DESC LIMIT 1) FROM devices d WHERE d.snmp_profile <> '' AND d.model_id IS NOT NULL "
        "ORDER BY d.asset_tag");
    if (!query) return store::Error{query.error()};
    for (;;) {
        auto row = query.value().step();
        if (!row) return store::Error{row.error()};
        if (!row.value()) break;
        auto& q = query.value();
        const auto found = models.find(q.column_int(0));
        if (found == models.end()) continue;
        FirmwareDevice device;
        device.device_id = q.column_int(1);
        device.asset_tag = q.column_text(2);
        if (!q.column_is_null(3)) device.running = running_version(q.column_text(3));
        const auto target = found->second.target;
        device.standing = domain::firmware_standing(
            device.running, target ? std::optional<std::string_view>(*target) : std::optional<std::string_view>());
        found->second.devices.push_back(std::move(device));
    }
    return store::success();
}

store::Status load_open_plans(store::Database& database, std::map<std::int64_t, ModelCompliance>& models) {
    auto query = database.prepare(
        "SELECT p.model_id, p.ticket_id, t.number, t.kind, t.state, p.target_version, p.devices_behind "
        "FROM telemetry_release_plans p JOIN tickets t ON t.id = p.ticket_id ORDER BY p.ticket_id");
    if (!query) return store::Error{query.error()};
    for (;;) {
        auto row = query.value().step();
        if (!row) return store::Error{row.error()};
        if (!row.value()) break;
        auto& q = query.value();
        const auto found = models.find(q.column_int(0));
        if (found == models.end() || !found->second.target || q.column_text(5) != *found->second.target) continue;
        if (!is_open(q.column_text(3), q.column_text(4))) continue;
        found->second.open_plan = ReleasePlan{q.column_int(1), q.column_text(2), q.column_text(4), q.column_text(5),
                                              q.column_int(6)};
    }
    return store::success();
}

}  // namespace

int ModelCompliance::count(domain::FirmwareStanding standing) const {
    return static_cast<int>(std::count_if(devices.begin(), devices.end(),
                                          [&](const FirmwareDevice& d) { return d.standing == standing; }));
}

store::Result<std::vector<ModelCompliance>> firmware_compliance(store::Database& database,
                                                                std::optional<std::int64_t> model_id) {
    std::map<std::int64_t, ModelCompliance> models;
    if (auto loaded = load_models(database, model_id, models); !loaded) return store::Error{loaded.error()};
    if (auto loaded = load_devices(database, models); !loaded) return store::Error{loaded.error()};
    if (auto loaded = load_open_plans(database, models); !loaded) return store::Error{loaded.error()};
    std::vector<ModelCompliance> out;
    for (auto& [id, model] : models) out.push_back(std::move(model));
    std::sort(out.begin(), out.end(), [](const ModelCompliance& a, const ModelCompliance& b) { return a.model < b.model; });
    return out;
}

nlohmann::json to_json(const ModelCompliance& model) {
    using domain::FirmwareStanding;
    auto devices = nlohmann::json::array();
    for (const auto& d : model.devices) {
        devices.push_back({{"device_id", d.device_id},
                           {"asset_tag", d.asset_tag},
                           {"running", d.running},
                           {"standing", domain::firmware_standing_name(d.standing)}});
    }
    nlohmann::json plan = nullptr;
    if (model.open_plan) {
        plan = {{"ticket_id", model.open_plan->ticket_id},
                {"number", model.open_plan->number},
                {"state", model.open_plan->state},
                {"target_version", model.open_plan->target_version},
                {"devices_behind", model.open_plan->devices_behind}};
    }
    return {{"model_id", model.model_id},
            {"model", model.model},
            {"target", model.target ? nlohmann::json(*model.target) : nlohmann::json(nullptr)},
            {"target_updated_by", model.target_updated_by},
            {"target_updated_at", model.target_updated_at},
            {"counts",
             {{"behind", model.count(FirmwareStanding::behind)},
              {"current", model.count(FirmwareStanding::current)},
              {"ahead", model.count(FirmwareStanding::ahead)},
              {"unknown", model.count(FirmwareStanding::unknown)}}},
            {"open_release_plan", plan},
            {"devices", devices}};
}

store::Result<bool> model_exists(store::Database& database, std::int64_t model_id) {
    auto count = database.prepare("SELECT count(*) FROM device_models WHERE id = ?1");
    if (!count) return store::Error{count.error()};
    count.value().bind(1, model_id);
    auto row = count.value().step();
    if (!row) return store::Error{row.error()};
    return row.value() && count.value().column_int(0) > 0;
}

store::Status save_firmware_target(store::Database& database, std::int64_t model_id, const std::string& version,
                                   const std::string& actor, calendar::Instant now) {
    auto upsert = database.prepare(
        "INSERT INTO telemetry_firmware_targets (model_id, version, updated_by, updated_at) VALUES (?1, ?2, ?3, ?4) "
        "ON CONFLICT (model_id) DO UPDATE SET version = excluded.version, updated_by = excluded.updated_by, "
        "updated_at = excluded.updated_at");
    if (!upsert) return store::Error{upsert.error()};
    upsert.value().bind(1, model_id).bind(2, version).bind(3, actor).bind(4, calendar::format_iso8601_utc(now));
    if (auto done = upsert.value().step(); !done) return store::Error{done.error()};
    return store::success();
}

store::Status save_release_plan(store::Database& database, const ReleasePlan& plan, std::int64_t model_id,
                                calendar::Instant now) {
    auto insert = database.prepare(
        "INSERT INTO telemetry_release_plans (ticket_id, model_id, target_version, devices_behind, created_at) "
        "VALUES (?1, ?2, ?3, ?4, ?5)");
    if (!insert) return store::Error{insert.error()};
    insert.value()
        .bind(1, plan.ticket_id)
        .bind(2, model_id)
        .bind(3, plan.target_version)
        .bind(4, plan.devices_behind)
        .bind(5, calendar::format_iso8601_utc(now));
    if (auto done = insert.value().step(); !done) return store::Error{done.error()};
    return store::success();
}

}  // namespace madoguchi::server::telemetry
