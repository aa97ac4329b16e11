#include "inventory/catalog_store.hpp"

#include "inventory/json_list.hpp"

namespace madoguchi::server::inventory {
namespace {

// Whether a row matches; the statement's parameters bound by the caller.
store::Result<bool> found(store::Statement& statement) {
    auto row = statement.step();
    if (!row) return store::Error{row.error()};
    return row.value();
}

}  // namespace

nlohmann::json to_json(const Location& location) {
    return {{"id", location.id},
            {"building", location.building},
            {"floor", location.floor},
            {"room", location.room},
            {"name", madoguchi::inventory::display_name(location)}};
}

nlohmann::json to_json(const DeviceModel& model) {
    return {{"id", model.id},
            {"maker", model.maker},
            {"name", model.name},
            {"class", model.class_code},
            {"consumables", model.consumables}};
}

store::Result<std::vector<Location>> list_locations(store::Database& database) {
    auto select = database.prepare("SELECT id, building, floor, room FROM locations ORDER BY building, floor, room");
    if (!select) return store::Error{select.error()};
    std::vector<Location> locations;
    while (true) {
        auto row = select.value().step();
        if (!row) return store::Error{row.error()};
        if (!row.value()) return locations;
        const auto& s = select.value();
        locations.push_back({s.column_int(0), s.column_text(1), s.column_text(2), s.column_text(3)});
    }
}

store::Result<std::vector<DeviceModel>> list_models(store::Database& database) {
    auto select = database.prepare("SELECT id, maker, name, class, consumables FROM device_models ORDER BY maker, name");
    if (!select) return store::Error{select.error()};
    std::vector<DeviceModel> models;
    while (true) {
        auto row = select.value().step();
        if (!row) return store::Error{row.error()};
        if (!row.value()) return models;
        const auto& s = select.value();
        models.push_back({s.column_int(0), s.column_text(1), s.column_text(2), s.column_text(3), list_of(s.column_text(4))});
    }
}

store::Result<std::optional<std::int64_t>> insert_location(store::Database& database, const Location& location) {
    auto existing = database.prepare("SELECT 1 FROM locations WHERE building = ?1 AND floor = ?2 AND room = ?3");
    if (!existing) return store::Error{existing.error()};
    existing.value().bind(1, location.building).bind(2, location.floor).bind(3, location.room);
    auto duplicate = found(existing.value());
    if (!duplicate) return store::Error{duplicate.error()};
    if (duplicate.value()) return std::optional<std::int64_t>();
    auto insert = database.prepare("INSERT INTO locations (building, floor, room) VALUES (?1, ?2, ?3) RETURNING id");
    if (!insert) return store::Error{insert.error()};
    insert.value().bind(1, location.building).bind(2, location.floor).bind(3, location.room);
    if (auto row = insert.value().step(); !row) return store::Error{row.error()};
    return std::optional<std::int64_t>(insert.value().column_int(0));
}

store::Result<std::optional<std::int64_t>> insert_model(store::Database& database, const DeviceModel& model) {
    auto existing = database.prepare("SELECT 1 FROM device_models WHERE maker = ?1 AND name = ?2");
    if (!existing) return store::Error{existing.error()};
    existing.value().bind(1, model.maker).bind(2, model.name);
    auto duplicate = found(existing.value());
    if (!duplicate) return store::Error{duplicate.error()};
    if (duplicate.value()) return std::optional<std::int64_t>();
    auto insert =
        database.prepare("INSERT INTO device_models (maker, name, class, consumables) VALUES (?1, ?2, ?3, ?4) RETURNING id");
    if (!insert) return store::Error{insert.error()};
    insert.value().bind(1, model.maker).bind(2, model.name).bind(3, model.class_code).bind(4, list_text(model.consumables));
    if (auto row = insert.value().step(); !row) return store::Error{row.error()};
    return std::optional<std::int64_t>(insert.value().column_int(0));
}

}  // namespace madoguchi::server::inventory
