#include "inventory/device_store.hpp"

#include "inventory/device_class.hpp"
#include "inventory/json_list.hpp"
#include "store/conditions.hpp"
#include "store/multi_row_insert.hpp"
#include "text/search_fold.hpp"

namespace madoguchi::server::inventory {
namespace {

namespace domain = madoguchi::inventory;

constexpr std::string_view device_columns =
    "SELECT d.id, d.asset_tag, d.serial, d.class, d.model_id, d.location_id, d.division_code, d.custodian_login, "
    "d.accessories, d.network_address, d.snmp_profile, d.toner_delivery_address, d.toner_contact, d.contract_start, "
    "d.contract_end, d.notes, d.state, d.version, d.updated_at, "
    "coalesce(m.maker || ' ' || m.name, ''), coalesce(trim(l.building || ' ' || l.floor || ' ' || l.room), ''), "
    "coalesce(u.name, ''), coalesce(u.name_kana, ''), coalesce(v.name_ja, '') ";
constexpr std::string_view device_names =
    "LEFT JOIN device_models m ON m.id = d.model_id "
    "LEFT JOIN locations l ON l.id = d.location_id "
    "LEFT JOIN users u ON u.login = d.custodian_login "
    "LEFT JOIN divisions v ON v.code = d.division_code";
const std::string select_devices = std::string(device_columns) + "FROM devices d " + std::string(device_names);

std::optional<calendar::Date> date_of(const store::Statement& row, int column) {
    if (row.column_is_null(column)) return std::nullopt;
    return calendar::parse_date(row.column_text(column));
}

DeviceRow read_row(const store::Statement& row) {
    DeviceRow device;
    auto& asset = device.asset;
    asset.id = row.column_int(0);
    auto& f = asset.fields;
    f.asset_tag = row.column_text(1);
    f.serial = row.column_text(2);
    f.class_code = row.column_text(3);
    f.model_id = row.column_is_null(4) ? 0 : row.column_int(4);
    f.location_id = row.column_is_null(5) ? 0 : row.column_int(5);
    f.division_code = row.column_text(6);
    f.custodian_login = row.column_text(7);
    f.accessories = list_of(row.column_text(8));
    f.network_address = row.column_text(9);
    f.snmp_profile = row.column_text(10);
    f.toner_delivery_address = row.column_text(11);
    f.toner_contact = row.column_text(12);
    f.contract_start = date_of(row, 13);
    f.contract_end = date_of(row, 14);
    f.notes = row.column_text(15);
    asset.state = domain::parse_state(row.column_text(16)).value_or(AssetState::in_stock);
    asset.version = row.column_int(17);
    asset.updated_at = row.column_text(18);
    device.model_name = row.column_text(19);
    device.location_name = row.column_text(20);
    device.custodian_name = row.column_text(21);
    device.custodian_name_kana = row.column_text(22);
    device.division_name = row.column_text(23);
    return device;
}

store::Conditions filters_of(const DeviceQuery& query) {
    store::Conditions conditions;
    // contains() rather than LIKE: '%' and '_' typed by a user stay literal (store/database.cpp).
    // search_text is kept folded (migrations 9 and 14); the query is folded the same way.
    if (!query.text.empty()) conditions.add("contains(d.search_text, ?)", madoguchi::text::fold_for_search(query.text));
    if (!query.class_code.empty()) conditions.add("d.class = ?", query.class_code);
    if (query.state) conditions.add("d.state = ?", std::string(domain::state_name(*query.state)));
    if (!query.division_code.empty()) conditions.add("d.division_code = ?", query.division_code);
    if (query.location_id != 0) conditions.add_sql(std::string("d.location_id = ").append(std::to_string(query.location_id)));
    // One IN list, not a chain of ORs: SQLite limits an expression's depth, not a list's length.
    if (!query.ids.empty()) {
        std::string listed = "d.id IN (";
        bool first = true;
        for (const auto& range : query.ids) {
            for (auto id = range.first; id <= range.last; ++id) {
                if (!first) listed += ',';
                listed += std::to_string(id);
                first = false;
            }
        }
        listed += ')';
        conditions.add_sql(listed);
    }
    if (!query.only_division.empty()) conditions.add("d.division_code = ?", query.only_division);
    if (!query.only_custodian.empty()) conditions.add("d.custodian_login = ?", query.only_custodian);
    return conditions;
}

bool descending(DeviceSort sort) { return sort == DeviceSort::tag_descending || sort == DeviceSort::updated_descending; }

std::string_view sort_column(DeviceSort sort) {
    return sort == DeviceSort::tag || sort == DeviceSort::tag_descending ? "d.asset_tag" : "d.updated_at";
}

std::string sort_key(const DeviceRow& row, DeviceSort sort) {
    return sort == DeviceSort::tag || sort == DeviceSort::tag_descending ? row.asset.fields.asset_tag : row.asset.updated_at;
}

// After the cursor in the order of the sort; ids break ties of equal keys.
void add_cursor(store::Conditions& conditions, const DeviceQuery& query) {
    if (!query.after) return;
    const auto column = std::string(sort_column(query.sort));
    const char* beyond = descending(query.sort) ? " < " : " > ";
    conditions.add("(" + column + beyond + "? OR (" + column + " = ? AND d.id" + beyond +
                       std::to_string(query.after->id) + "))",
                   query.after->key);
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

// A statement or one row of a multi-row INSERT (store::RowBinder), parameters numbered as in
// insert_device().
template <typename Binder>
void bind_fields(Binder& statement, const AssetFields& f) {
    statement.bind(1, f.asset_tag).bind(2, f.serial).bind(3, f.class_code).bind(6, f.division_code)
        .bind(7, f.custodian_login).bind(8, list_text(f.accessories)).bind(9, f.network_address)
        .bind(10, f.snmp_profile).bind(11, f.toner_delivery_address).bind(12, f.toner_contact).bind(15, f.notes);
    // Unbound parameters are NULL: no model, no location, no contract dates.
    if (f.model_id != 0) statement.bind(4, f.model_id);
    if (f.location_id != 0) statement.bind(5, f.location_id);
    if (f.contract_start) statement.bind(13, calendar::format_date(*f.contract_start));
    if (f.contract_end) statement.bind(14, calendar::format_date(*f.contract_end));
}

// Whether `sql` with its one parameter bound to `value` finds a row.
template <typename Value>
store::Result<bool> exists(store::Database& database, std::string_view sql, const Value& value) {
    auto statement = database.prepare(sql);
    if (!statement) return store::Error{statement.error()};
    statement.value().bind(1, value);
    auto row = statement.value().step();
    if (!row) return store::Error{row.error()};
    return row.value();
}

}  // namespace

nlohmann::json to_json(const DeviceRow& row) {
    auto document = madoguchi::inventory::to_json(row.asset);
    auto& members = document.get_ref<nlohmann::json::object_t&>();
    members.emplace("model_name", row.model_name);
    members.emplace("location_name", row.location_name);
    members.emplace("custodian_name", row.custodian_name);
    members.emplace("custodian_name_kana", row.custodian_name_kana);
    members.emplace("division_name", row.division_name);
    return document;
}

// Hex of "<id>:<key>": opaque to clients, safe in a query string.
std::string encode_cursor(const DeviceCursor& cursor) {
    static constexpr char digits[] = "0123456789abcdef";
    const auto plain = std::to_string(cursor.id) + ":" + cursor.key;
    std::string encoded;
    for (const char c : plain) {
        const auto byte = static_cast<unsigned char>(c);
        encoded += digits[byte >> 4];
        encoded += digits[byte & 0x0F];
    }
    return encoded;
}

std::optional<DeviceCursor> decode_cursor(std::string_view text) {
    if (text.empty() || text.size() % 2 != 0) return std::nullopt;
    std::string plain;
    for (std::size_t i = 0; i < text.size(); i += 2) {
        const int high = hex_value(text[i]);
        const int low = hex_value(text[i + 1]);
        if (high < 0 || low < 0) return std::nullopt;
        plain += static_cast<char>(high * 16 + low);
    }
    const auto colon = plain.find(':');
    if (colon == std::string::npos || colon == 0 || colon > 18) return std::nullopt;
    DeviceCursor cursor;
    for (std::size_t i = 0; i < colon; ++i) {
        if (plain[i] < '0' || plain[i] > '9') return std::nullopt;
        cursor.id = cursor.id * 10 + (plain[i] - '0');
    }
    cursor.key = plain.substr(colon + 1);
    return cursor;
}

store::Result<DevicePage> list_devices(store::Database& database, const DeviceQuery& query) {
    const auto filters = filters_of(query);
    auto count = database.prepare("SELECT count(*) FROM devices d" + filters.sql());
    if (!count) return store::Error{count.error()};
    filters.bind(count.value());
    if (auto counted = count.value().step(); !counted) return store::Error{counted.error()};
    DevicePage page;
    page.total = count.value().column_int(0);

    auto paged = filters;
    add_cursor(paged, query);
    const auto direction = descending(query.sort) ? " DESC" : "";
    // `mark` "+" keeps SQLite from ordering by the sort column's index.
    const auto order_by = [&](std::string_view mark) {
        return " ORDER BY " + std::string(mark) + std::string(sort_column(query.sort)) + direction + ", d.id" + direction;
    };
    const auto order = order_by("");
    const auto limit = " LIMIT " + std::to_string(query.limit + 1);
    // A free-text search matches few devices scattered over the sort order: walking the sort
    // index would look up every device to test its text. So the page's ids are chosen in one
    // pass over the table ('+' keeps the index out, a bounded sort keeps the best), and only
    // those rows are joined to their names.
    const auto sql = query.text.empty()
                         ? select_devices + paged.sql() + order + limit
                         : std::string(device_columns) + "FROM (SELECT d.id FROM devices d" + paged.sql() + order_by("+") +
                               limit + ") AS page CROSS JOIN devices d ON d.id = page.id " + std::string(device_names) +
                               order;
    auto select = database.prepare(sql);
    if (!select) return store::Error{select.error()};
    paged.bind(select.value());
    while (true) {
        auto row = select.value().step();
        if (!row) return store::Error{row.error()};
        if (!row.value()) break;
        page.devices.push_back(read_row(select.value()));
    }
    // One more than asked says another page follows.
    if (static_cast<int>(page.devices.size()) > query.limit) {
        page.devices.pop_back();
        const auto& last = page.devices.back();
        page.next = DeviceCursor{sort_key(last, query.sort), last.asset.id};
    }
    return page;
}

store::Result<std::optional<DeviceRow>> find_device(store::Database& database, std::int64_t id) {
    auto select = database.prepare(std::string(select_devices) + " WHERE d.id = ?1");
    if (!select) return store::Error{select.error()};
    select.value().bind(1, id);
    auto row = select.value().step();
    if (!row) return store::Error{row.error()};
    if (!row.value()) return std::optional<DeviceRow>();
    return std::optional<DeviceRow>(read_row(select.value()));
}

store::Result<std::vector<DeviceRow>> all_devices(store::Database& database) {
    auto select = database.prepare(select_devices);
    if (!select) return store::Error{select.error()};
    std::vector<DeviceRow> devices;
    while (true) {
        auto row = select.value().step();
        if (!row) return store::Error{row.error()};
        if (!row.value()) return devices;
        devices.push_back(read_row(select.value()));
    }
}

store::Result<std::optional<std::int64_t>> device_id_of_tag(store::Database& database, const std::string& tag) {
    auto select = database.prepare("SELECT id FROM devices WHERE asset_tag = ?1");
    if (!select) return store::Error{select.error()};
    select.value().bind(1, tag);
    auto row = select.value().step();
    if (!row) return store::Error{row.error()};
    if (!row.value()) return std::optional<std::int64_t>();
    return std::optional<std::int64_t>(select.value().column_int(0));
}

store::Result<std::int64_t> insert_device(store::Database& database, const AssetFields& fields, AssetState state,
                                          calendar::Instant now) {
    auto insert = database.prepare(
        "INSERT INTO devices (asset_tag, serial, class, model_id, location_id, division_code, custodian_login, "
        "accessories, network_address, snmp_profile, toner_delivery_address, toner_contact, contract_start, "
        "contract_end, notes, state, updated_at, search_text) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, "
        // The parts and order of device_search_source (migration 9), which the update triggers
        // read; written here instead of by an insert trigger (migration 14).
        "search_fold(?1 || ' ' || ?2 || ' ' || coalesce((SELECT maker || name FROM device_models WHERE id = ?4), '') || "
        "' ' || coalesce((SELECT building || floor || room FROM locations WHERE id = ?5), '') || ' ' || ?7 || ' ' || "
        "coalesce((SELECT name FROM users WHERE login = ?7), '') || ' ' || "
        "coalesce((SELECT name_kana FROM users WHERE login = ?7), '')))");
    if (!insert) return store::Error{insert.error()};
    bind_fields(insert.value(), fields);
    insert.value().bind(16, domain::state_name(state)).bind(17, calendar::format_iso8601_utc(now));
    if (auto done = insert.value().step(); !done) return store::Error{done.error()};
    return database.last_insert_id();
}

std::string device_search_text(const AssetFields& fields, const DeviceSearchNames& names) {
    // device_search_source's parts in its order, as insert_device() gives them to search_fold().
    std::string source;
    source.reserve(fields.asset_tag.size() + fields.serial.size() + names.model.size() + names.location.size() +
                   fields.custodian_login.size() + names.custodian_name.size() + names.custodian_kana.size() + 6);
    for (const auto part : {std::string_view(fields.asset_tag), std::string_view(fields.serial), names.model,
                            names.location, std::string_view(fields.custodian_login), names.custodian_name}) {
        source.append(part).append(1, ' ');
    }
    source.append(names.custodian_kana);
    return madoguchi::text::fold_for_search(source);
}

store::Result<std::int64_t> last_device_id(store::Database& database) {
    auto last = database.query_int("SELECT max(id) FROM devices");
    if (!last) return store::Error{last.error()};
    return last.value().value_or(0);
}

store::Status insert_devices(store::Database& database, const std::vector<NewDevice>& devices, calendar::Instant now) {
    const auto updated_at = calendar::format_iso8601_utc(now);
    // Columns 1–15 as bind_fields() numbers them.
    static const std::vector<std::string_view> columns{
        "asset_tag",     "serial",        "class",         "model_id",        "location_id",
        "division_code", "custodian_login", "accessories", "network_address", "snmp_profile",
        "toner_delivery_address", "toner_contact", "contract_start", "contract_end", "notes",
        "state",         "updated_at",    "search_text",   "id"};
    return store::insert_rows(database, "devices", columns, devices.size(), [&](std::size_t index, store::RowBinder& row) {
        const auto& device = devices[index];
        bind_fields(row, *device.fields);
        row.bind(16, domain::state_name(device.state)).bind(17, updated_at).bind(18, device.search_text).bind(19, device.id);
    });
}

store::Result<bool> update_device(store::Database& database, std::int64_t id, std::int64_t version,
                                  const AssetFields& fields, calendar::Instant now) {
    auto update = database.prepare(
        "UPDATE devices SET asset_tag = ?1, serial = ?2, class = ?3, model_id = ?4, location_id = ?5, "
        "division_code = ?6, custodian_login = ?7, accessories = ?8, network_address = ?9, snmp_profile = ?10, "
        "toner_delivery_address = ?11, toner_contact = ?12, contract_start = ?13, contract_end = ?14, notes = ?15, "
        "version = version + 1, updated_at = ?16 WHERE id = ?17 AND version = ?18");
    if (!update) return store::Error{update.error()};
    bind_fields(update.value(), fields);
    update.value().bind(16, calendar::format_iso8601_utc(now)).bind(17, id).bind(18, version);
    if (auto done = update.value().step(); !done) return store::Error{done.error()};
    return database.changes() == 1;
}

store::Result<bool> set_device_state(store::Database& database, std::int64_t id, std::int64_t version,
                                     AssetState state, calendar::Instant now) {
    auto update = database.prepare(
        "UPDATE devices SET state = ?1, version = version + 1, updated_at = ?2 WHERE id = ?3 AND version = ?4");
    if (!update) return store::Error{update.error()};
    update.value().bind(1, domain::state_name(state)).bind(2, calendar::format_iso8601_utc(now)).bind(3, id).bind(4, version);
    if (auto done = update.value().step(); !done) return store::Error{done.error()};
    return database.changes() == 1;
}

store::Result<std::vector<validation::FieldProblem>> check_references(store::Database& database,
                                                                     const AssetFields& fields) {
    std::vector<validation::FieldProblem> problems;
    if (fields.model_id != 0) {
        auto model = database.prepare("SELECT class FROM device_models WHERE id = ?1");
        if (!model) return store::Error{model.error()};
        model.value().bind(1, fields.model_id);
        auto row = model.value().step();
        if (!row) return store::Error{row.error()};
        if (!row.value()) {
            problems.push_back({"model_id", "field.unknown_model"});
        } else if (model.value().column_text(0) != fields.class_code) {
            problems.push_back({"model_id", "field.model_of_other_class"});
        }
    }
    if (fields.location_id != 0) {
        auto found = exists(database, "SELECT 1 FROM locations WHERE id = ?1", fields.location_id);
        if (!found) return store::Error{found.error()};
        if (!found.value()) problems.push_back({"location_id", "field.unknown_location"});
    }
    if (!fields.division_code.empty()) {
        auto found = exists(database, "SELECT 1 FROM divisions WHERE code = ?1", fields.division_code);
        if (!found) return store::Error{found.error()};
        if (!found.value()) problems.push_back({"division_code", "field.unknown_division"});
    }
    if (!fields.custodian_login.empty()) {
        auto found = exists(database, "SELECT 1 FROM users WHERE login = ?1", fields.custodian_login);
        if (!found) return store::Error{found.error()};
        if (!found.value()) problems.push_back({"custodian_login", "field.unknown_user"});
    }
    return problems;
}

}  // namespace madoguchi::server::inventory
