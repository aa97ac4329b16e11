#include "configuration/item_store.hpp"

#include "store/conditions.hpp"
#include "text/search_fold.hpp"

namespace madoguchi::server::configuration {
namespace {

constexpr std::string_view select_items =
    "SELECT i.id, i.kind, i.name, i.description, i.owner_division, i.vendor, i.product_version, i.version, "
    "i.updated_at, l.seats, (SELECT count(*) FROM licence_assignments a WHERE a.item_id = i.id), "
    "coalesce((SELECT max(number) FROM setting_versions s WHERE s.item_id = i.id), 0) "
    "FROM configuration_items i LEFT JOIN licences l ON l.item_id = i.id";

ItemRow read_row(const store::Statement& row) {
    ItemRow result;
    auto& item = result.item;
    item.id = row.column_int(0);
    item.fields.kind = domain::parse_kind(row.column_text(1)).value_or(domain::ItemKind::service);
    item.fields.name = row.column_text(2);
    item.fields.description = row.column_text(3);
    item.fields.owner_division = row.column_text(4);
    item.fields.vendor = row.column_text(5);
    item.fields.product_version = row.column_text(6);
    item.version = row.column_int(7);
    item.updated_at = row.column_text(8);
    if (!row.column_is_null(9)) result.usage = domain::SeatUsage{row.column_int(9), row.column_int(10)};
    result.settings_version = row.column_int(11);
    return result;
}

store::Result<std::vector<ItemRow>> read_rows(store::Statement& statement) {
    std::vector<ItemRow> rows;
    while (true) {
        auto row = statement.step();
        if (!row) return store::Error{row.error()};
        if (!row.value()) return rows;
        rows.push_back(read_row(statement));
    }
}

void bind_fields(store::Statement& statement, const domain::ItemFields& f) {
    statement.bind(1, domain::kind_name(f.kind)).bind(2, f.name).bind(3, f.description).bind(4, f.owner_division)
        .bind(5, f.vendor).bind(6, f.product_version);
}

}  // namespace

nlohmann::json to_json(const ItemRow& row) {
    auto json = domain::to_json(row.item);
    json["usage"] = row.usage ? domain::to_json(*row.usage) : nlohmann::json(nullptr);
    json["settings_version"] = row.settings_version;
    return json;
}

store::Result<std::vector<ItemRow>> list_items(store::Database& database, const ItemQuery& query) {
    store::Conditions conditions;
    // A few dozen items: folding them per query costs nothing worth an index.
    if (!query.text.empty()) {
        conditions.add("contains(search_fold(i.name || ' ' || i.vendor || ' ' || i.description), ?)",
                       madoguchi::text::fold_for_search(query.text));
    }
    if (query.kind) conditions.add("i.kind = ?", std::string(domain::kind_name(*query.kind)));
    auto select = database.prepare(std::string(select_items) + conditions.sql() + " ORDER BY i.kind = 'software', i.name");
    if (!select) return store::Error{select.error()};
    conditions.bind(select.value());
    return read_rows(select.value());
}

store::Result<std::optional<ItemRow>> find_item(store::Database& database, std::int64_t id) {
    auto select = database.prepare(std::string(select_items) + " WHERE i.id = ?1");
    if (!select) return store::Error{select.error()};
    select.value().bind(1, id);
    auto rows = read_rows(select.value());
    if (!rows) return store::Error{rows.error()};
    if (rows.value().empty()) return std::optional<ItemRow>();
    return std::optional<ItemRow>(std::move(rows.value().front()));
}

store::Result<std::optional<std::int64_t>> item_id_of_name(store::Database& database, const std::string& name) {
    auto select = database.prepare("SELECT id FROM configuration_items WHERE name = ?1");
    if (!select) return store::Error{select.error()};
    select.value().bind(1, name);
    auto row = select.value().step();
    if (!row) return store::Error{row.error()};
    if (!row.value()) return std::optional<std::int64_t>();
    return std::optional<std::int64_t>(select.value().column_int(0));
}

store::Result<std::int64_t> insert_item(store::Database& database, const domain::ItemFields& fields, calendar::Instant now) {
    auto insert = database.prepare(
        "INSERT INTO configuration_items (kind, name, description, owner_division, vendor, product_version, updated_at) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) RETURNING id");
    if (!insert) return store::Error{insert.error()};
    bind_fields(insert.value(), fields);
    insert.value().bind(7, calendar::format_iso8601_utc(now));
    auto row = insert.value().step();
    if (!row) return store::Error{row.error()};
    return insert.value().column_int(0);
}

store::Result<bool> update_item(store::Database& database, std::int64_t id, std::int64_t version,
                                const domain::ItemFields& fields, calendar::Instant now) {
    auto update = database.prepare(
        "UPDATE configuration_items SET kind = ?1, name = ?2, description = ?3, owner_division = ?4, vendor = ?5, "
        "product_version = ?6, version = version + 1, updated_at = ?7 WHERE id = ?8 AND version = ?9");
    if (!update) return store::Error{update.error()};
    bind_fields(update.value(), fields);
    update.value().bind(7, calendar::format_iso8601_utc(now)).bind(8, id).bind(9, version);
    if (auto done = update.value().step(); !done) return store::Error{done.error()};
    return database.changes() == 1;
}

}  // namespace madoguchi::server::configuration
