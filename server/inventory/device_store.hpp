#pragma once
// The ledger's devices in SQLite (table devices, migration 9): reading with search, filters
// and keyset paging, and writing with optimistic versions. Routes decide who may; this file
// only stores.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "calendar/tokyo_time.hpp"
#include "inventory/asset.hpp"
#include "inventory/id_ranges.hpp"
#include "store/database.hpp"

namespace madoguchi::server::inventory {

using madoguchi::inventory::Asset;
using madoguchi::inventory::AssetFields;
using madoguchi::inventory::AssetState;

// A device with the names its ids and codes stand for, as lists and the detail show it.
struct DeviceRow {
    Asset asset;
    std::string model_name;
    std::string location_name;
    std::string custodian_name;
    std::string custodian_name_kana;
    std::string division_name;
};

// inventory::to_json(asset) with the names added.
nlohmann::json to_json(const DeviceRow& row);

enum class DeviceSort { tag, tag_descending, updated, updated_descending };

// Where the previous page ended: the sort key and id of its last device.
struct DeviceCursor {
    std::string key;
    std::int64_t id = 0;
};
std::string encode_cursor(const DeviceCursor& cursor);
std::optional<DeviceCursor> decode_cursor(std::string_view text);

struct DeviceQuery {
    std::string text;  // over tag, serial, model, location, custodian (search_fold)
    std::string class_code;
    std::optional<AssetState> state;
    std::string division_code;
    std::int64_t location_id = 0;
    // Only these devices, when not empty (exports, labels); the caller bounds how many.
    std::vector<madoguchi::inventory::IdRange> ids;
    DeviceSort sort = DeviceSort::tag;
    int limit = 100;
    std::optional<DeviceCursor> after;
    // Who asks limits what they see: a manager their division, staff their own custody.
    std::string only_division;
    std::string only_custodian;
};

struct DevicePage {
    std::vector<DeviceRow> devices;
    std::int64_t total = 0;                // matching the query, all pages
    std::optional<DeviceCursor> next;      // empty on the last page
};

store::Result<DevicePage> list_devices(store::Database& database, const DeviceQuery& query);
store::Result<std::optional<DeviceRow>> find_device(store::Database& database, std::int64_t id);
// Every device, for imports that compare a whole file with the ledger.
store::Result<std::vector<DeviceRow>> all_devices(store::Database& database);
store::Result<std::optional<std::int64_t>> device_id_of_tag(store::Database& database, const std::string& tag);

store::Result<std::int64_t> insert_device(store::Database& database, const AssetFields& fields, AssetState state,
                                          calendar::Instant now);
// What a device's search_text is made of besides its own fields (device_search_source,
// migration 9), for writers that know the names already; empty parts for what it lacks.
struct DeviceSearchNames {
    std::string_view model;     // maker || name
    std::string_view location;  // building || floor || room
    std::string_view custodian_name;
    std::string_view custodian_kana;
};
std::string device_search_text(const AssetFields& fields, const DeviceSearchNames& names);

// A device for insert_devices(), with the id it is to have.
struct NewDevice {
    std::int64_t id = 0;
    const AssetFields* fields = nullptr;
    AssetState state = AssetState::in_stock;
    std::string search_text;  // device_search_text()
};
// The highest device id, 0 for none: numbered on from it, new devices get the ids SQLite
// would give them, known before they are written (for their audit records).
store::Result<std::int64_t> last_device_id(store::Database& database);
// Writes many new devices, several to a statement (store/multi_row_insert.hpp).
store::Status insert_devices(store::Database& database, const std::vector<NewDevice>& devices, calendar::Instant now);
// Writes the fields when the stored version is `version`, which then grows by one; false
// when another change came first (nothing written).
store::Result<bool> update_device(store::Database& database, std::int64_t id, std::int64_t version,
                                  const AssetFields& fields, calendar::Instant now);
store::Result<bool> set_device_state(store::Database& database, std::int64_t id, std::int64_t version,
                                     AssetState state, calendar::Instant now);

// Whether the referenced model, location, division and custodian exist: field problems
// (field.unknown_model, …) in field order.
store::Result<std::vector<validation::FieldProblem>> check_references(store::Database& database,
                                                                     const AssetFields& fields);

}  // namespace madoguchi::server::inventory
