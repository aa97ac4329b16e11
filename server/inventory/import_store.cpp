#include "inventory/import_store.hpp"

#include "audit/audit_appender.hpp"
#include "calendar/tokyo_time.hpp"
#include "identity/division_store.hpp"
#include "inventory/catalog_store.hpp"
#include "inventory/device_history.hpp"
#include "inventory/device_json_text.hpp"
#include "inventory/json_list.hpp"

namespace madoguchi::server::inventory {
namespace {

namespace domain = madoguchi::inventory;

template <typename Key>
std::string name_in(const std::unordered_map<Key, std::string>& names, const Key& key) {
    const auto found = names.find(key);
    return found == names.end() ? std::string() : found->second;
}

store::Status read_custodians(store::Database& database, LedgerSnapshot& snapshot, std::vector<std::string>& logins) {
    auto select = database.prepare("SELECT login, name, name_kana FROM users");
    if (!select) return store::Error{select.error()};
    while (true) {
        auto row = select.value().step();
        if (!row) return store::Error{row.error()};
        if (!row.value()) return store::success();
        const auto& s = select.value();
        logins.push_back(s.column_text(0));
        snapshot.custodians.emplace(s.column_text(0), std::pair(s.column_text(1), s.column_text(2)));
    }
}

}  // namespace

DeviceRow LedgerSnapshot::row_of(const domain::PlannedDevice& planned, std::int64_t id, std::int64_t version,
                                 const std::string& updated_at) const {
    DeviceRow row;
    row.asset = {id, planned.fields, planned.state, version, updated_at};
    row.model_name = name_in(model_names, planned.fields.model_id);
    row.location_name = name_in(location_names, planned.fields.location_id);
    if (const auto found = custodians.find(planned.fields.custodian_login); found != custodians.end()) {
        row.custodian_name = found->second.first;
        row.custodian_name_kana = found->second.second;
    }
    row.division_name = name_in(division_names, planned.fields.division_code);
    return row;
}

std::string LedgerSnapshot::search_text_of(const AssetFields& fields) const {
    DeviceSearchNames names;
    if (const auto found = model_search_names.find(fields.model_id); found != model_search_names.end()) {
        names.model = found->second;
    }
    if (const auto found = location_search_names.find(fields.location_id); found != location_search_names.end()) {
        names.location = found->second;
    }
    if (const auto found = custodians.find(fields.custodian_login); found != custodians.end()) {
        names.custodian_name = found->second.first;
        names.custodian_kana = found->second.second;
    }
    return device_search_text(fields, names);
}

store::Result<LedgerSnapshot> read_ledger_snapshot(store::Database& database) {
    LedgerSnapshot snapshot;
    auto devices = all_devices(database);
    if (!devices) return store::Error{devices.error()};
    snapshot.devices = std::move(devices.value());
    snapshot.by_tag.reserve(snapshot.devices.size());
    for (const auto& device : snapshot.devices) snapshot.by_tag.emplace(device.asset.fields.asset_tag, device.asset);

    domain::LedgerReferences references;
    auto models = list_models(database);
    if (!models) return store::Error{models.error()};
    for (const auto& model : models.value()) {
        snapshot.model_names.emplace(model.id, model.maker + " " + model.name);
        snapshot.model_search_names.emplace(model.id, model.maker + model.name);
    }
    references.models = std::move(models.value());
    auto locations = list_locations(database);
    if (!locations) return store::Error{locations.error()};
    for (const auto& location : locations.value()) {
        snapshot.location_names.emplace(location.id, domain::display_name(location));
        snapshot.location_search_names.emplace(location.id, location.building + location.floor + location.room);
    }
    references.locations = std::move(locations.value());
    auto divisions = identity::list_divisions(database);
    if (!divisions) return store::Error{divisions.error()};
    for (const auto& division : divisions.value()) {
        references.division_codes.push_back(division.code);
        snapshot.division_names.emplace(division.code, division.name_ja);
    }
    if (auto read = read_custodians(database, snapshot, references.logins); !read) return store::Error{read.error()};
    snapshot.references = std::make_unique<domain::LedgerIndex>(std::move(references));
    return snapshot;
}

store::Status write_device_import(store::Database& database, const domain::DeviceImportPlan& plan,
                                  const LedgerSnapshot& snapshot, const audit::Actor& actor) {
    const auto now = calendar::now();
    const auto stamp = calendar::format_iso8601_utc(now);
    std::unordered_map<std::int64_t, const DeviceRow*> stored_rows;
    for (const auto& device : snapshot.devices) stored_rows.emplace(device.asset.id, &device);

    // The new devices first, in file order, many to a statement; then every row's audit
    // record in file order, and last the history links, which need the devices to exist.
    auto last_id = last_device_id(database);
    if (!last_id) return store::Error{last_id.error()};
    std::vector<NewDevice> created;
    for (const auto& planned : plan.rows) {
        if (planned.action != domain::ImportAction::create) continue;
        const auto id = last_id.value() + static_cast<std::int64_t>(created.size()) + 1;
        created.push_back({id, &planned.fields, planned.state, snapshot.search_text_of(planned.fields)});
    }
    if (auto inserted = insert_devices(database, created, now); !inserted) return inserted;

    auto appender = audit::Appender::open(database);
    if (!appender) return store::Error{appender.error()};
    std::vector<DeviceChangeLink> links;
    auto next_created = created.begin();
    for (const auto& planned : plan.rows) {
        if (planned.action == domain::ImportAction::unchanged) continue;
        if (planned.action == domain::ImportAction::create) {
            const auto id = (next_created++)->id;
            auto audit_id = appender.value().append(
                audit::SerializedEntry{actor, "device.created", "device", std::to_string(id), std::nullopt,
                 device_json_text(snapshot.row_of(planned, id, 1, stamp))},
                calendar::now());
            if (!audit_id) return store::Error{audit_id.error()};
            links.push_back({id, audit_id.value()});
            continue;
        }
        const auto& stored = *planned.stored;
        auto updated = update_device(database, stored.id, stored.version, planned.fields, now);
        if (!updated) return store::Error{updated.error()};
        if (!updated.value()) return store::Error{"device " + stored.fields.asset_tag + " changed during the import"};
        auto audit_id = appender.value().append(
            audit::SerializedEntry{actor, "device.updated", "device", std::to_string(stored.id), device_json_text(*stored_rows.at(stored.id)),
             device_json_text(snapshot.row_of(planned, stored.id, stored.version + 1, stamp))},
            calendar::now());
        if (!audit_id) return store::Error{audit_id.error()};
        links.push_back({stored.id, audit_id.value()});
    }
    return link_device_changes(database, links);
}

store::Status write_model_import(store::Database& database, const domain::CatalogImportPlan<domain::PlannedModel>& plan,
                                 const audit::Actor& actor) {
    for (const auto& planned : plan.rows) {
        auto model = planned.model;
        if (planned.action == domain::ImportAction::create) {
            auto id = insert_model(database, model);
            if (!id) return store::Error{id.error()};
            if (!id.value()) return store::Error{"model " + model.name + " appeared during the import"};
            model.id = *id.value();
            auto recorded = audit::record(database, {actor, "device_model.created", "device_model",
                                                     std::to_string(model.id), std::nullopt, to_json(model)});
            if (!recorded) return recorded;
        } else if (planned.action == domain::ImportAction::update) {
            auto before = database.prepare("SELECT consumables FROM device_models WHERE id = ?1");
            if (!before) return store::Error{before.error()};
            auto found = before.value().bind(1, model.id).step();
            if (!found) return store::Error{found.error()};
            auto previous = model;
            previous.consumables = list_of(before.value().column_text(0));
            auto update = database.prepare("UPDATE device_models SET consumables = ?1 WHERE id = ?2");
            if (!update) return store::Error{update.error()};
            if (auto done = update.value().bind(1, list_text(model.consumables)).bind(2, model.id).step(); !done) {
                return store::Error{done.error()};
            }
            auto recorded = audit::record(database, {actor, "device_model.updated", "device_model",
                                                     std::to_string(model.id), to_json(previous), to_json(model)});
            if (!recorded) return recorded;
        }
    }
    return store::success();
}

store::Status write_location_import(store::Database& database,
                                    const domain::CatalogImportPlan<domain::PlannedLocation>& plan,
                                    const audit::Actor& actor) {
    for (const auto& planned : plan.rows) {
        if (planned.action != domain::ImportAction::create) continue;
        auto location = planned.location;
        auto id = insert_location(database, location);
        if (!id) return store::Error{id.error()};
        if (!id.value()) return store::Error{"location " + domain::display_name(location) + " appeared during the import"};
        location.id = *id.value();
        auto recorded = audit::record(database, {actor, "location.created", "location", std::to_string(location.id),
                                                 std::nullopt, to_json(location)});
        if (!recorded) return recorded;
    }
    return store::success();
}

}  // namespace madoguchi::server::inventory
