#include "inventory/ledger_rows.hpp"

#include <unordered_map>

#include "calendar/civil_date.hpp"

namespace madoguchi::server::inventory {
namespace {

namespace domain = madoguchi::inventory;
using domain::LedgerTable;

// Each page sorts the filtered devices again (keyset paging), so large pages are faster; the
// rows are held in memory for the file anyway. The demo fleet fits in two.
constexpr int page_rows = 10000;

std::string date_text(const std::optional<calendar::Date>& date) { return date ? calendar::format_date(*date) : ""; }

std::string device_value(std::string_view key, const DeviceRow& device, const DeviceModel* model) {
    const auto& f = device.asset.fields;
    if (key == "asset_tag") return f.asset_tag;
    if (key == "serial") return f.serial;
    if (key == "class") return f.class_code;
    if (key == "maker") return model != nullptr ? model->maker : "";
    if (key == "model") return model != nullptr ? model->name : "";
    if (key == "state") return std::string(domain::state_name(device.asset.state));
    if (key == "location") return device.location_name;
    if (key == "division") return f.division_code;
    if (key == "division_name") return device.division_name;
    if (key == "custodian") return f.custodian_login;
    if (key == "custodian_name") return device.custodian_name;
    if (key == "accessories") return joined_list(f.accessories);
    if (key == "network_address") return f.network_address;
    if (key == "snmp_profile") return f.snmp_profile;
    if (key == "toner_delivery_address") return f.toner_delivery_address;
    if (key == "toner_contact") return f.toner_contact;
    if (key == "contract_start") return date_text(f.contract_start);
    if (key == "contract_end") return date_text(f.contract_end);
    if (key == "notes") return f.notes;
    return {};
}

std::string model_value(std::string_view key, const DeviceModel& model) {
    if (key == "maker") return model.maker;
    if (key == "name") return model.name;
    if (key == "class") return model.class_code;
    if (key == "consumables") return joined_list(model.consumables);
    return {};
}

std::string location_value(std::string_view key, const Location& location) {
    if (key == "building") return location.building;
    if (key == "floor") return location.floor;
    if (key == "room") return location.room;
    return {};
}

}  // namespace

std::string joined_list(const std::vector<std::string>& values) {
    std::string joined;
    for (const auto& value : values) {
        if (!joined.empty()) joined += ';';
        joined += value;
    }
    return joined;
}

LedgerRow device_cells(const DeviceRow& device, const DeviceModel* model) {
    LedgerRow row;
    for (const auto& column : domain::ledger_columns(LedgerTable::devices)) row.push_back(device_value(column.key, device, model));
    return row;
}

LedgerRow model_cells(const DeviceModel& model) {
    LedgerRow row;
    for (const auto& column : domain::ledger_columns(LedgerTable::device_models)) row.push_back(model_value(column.key, model));
    return row;
}

LedgerRow location_cells(const Location& location) {
    LedgerRow row;
    for (const auto& column : domain::ledger_columns(LedgerTable::locations)) row.push_back(location_value(column.key, location));
    return row;
}

store::Result<std::vector<LedgerRow>> device_ledger(store::Database& database, DeviceQuery query) {
    auto models = list_models(database);
    if (!models) return store::Error{models.error()};
    std::unordered_map<std::int64_t, const DeviceModel*> model_of;
    for (const auto& model : models.value()) model_of.emplace(model.id, &model);

    std::vector<LedgerRow> rows;
    query.limit = page_rows;
    query.after.reset();
    while (true) {
        auto page = list_devices(database, query);
        if (!page) return store::Error{page.error()};
        if (rows.empty()) rows.reserve(static_cast<std::size_t>(page.value().total));
        for (const auto& device : page.value().devices) {
            const auto found = model_of.find(device.asset.fields.model_id);
            rows.push_back(device_cells(device, found == model_of.end() ? nullptr : found->second));
        }
        if (!page.value().next) break;
        query.after = page.value().next;
    }
    return rows;
}

store::Result<std::vector<LedgerRow>> model_ledger(store::Database& database) {
    auto models = list_models(database);
    if (!models) return store::Error{models.error()};
    std::vector<LedgerRow> rows;
    for (const auto& model : models.value()) rows.push_back(model_cells(model));
    return rows;
}

store::Result<std::vector<LedgerRow>> location_ledger(store::Database& database) {
    auto locations = list_locations(database);
    if (!locations) return store::Error{locations.error()};
    std::vector<LedgerRow> rows;
    for (const auto& location : locations.value()) rows.push_back(location_cells(location));
    return rows;
}

}  // namespace madoguchi::server::inventory
