#pragma once
// What a ledger import reads from SQLite to plan (references, stored devices and catalogs)
// and how it writes a plan: statements reused for every row, one audit record per created
// or changed record, all in the caller's one transaction.
#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "audit/audit_log.hpp"
#include "inventory/catalog_import.hpp"
#include "inventory/device_import.hpp"
#include "inventory/device_store.hpp"
#include "store/database.hpp"

namespace madoguchi::server::inventory {

// The ledger as an import compares a file with it, with the names device documents show.
struct LedgerSnapshot {
    std::vector<DeviceRow> devices;
    std::unordered_map<std::string, Asset> by_tag;
    std::unique_ptr<madoguchi::inventory::LedgerIndex> references;
    std::unordered_map<std::int64_t, std::string> model_names;     // "maker name"
    std::unordered_map<std::int64_t, std::string> location_names;  // display_name
    std::unordered_map<std::string, std::pair<std::string, std::string>> custodians;  // login → name, kana
    std::unordered_map<std::string, std::string> division_names;   // code → name_ja
    // What device_search_text() needs: maker || name, building || floor || room.
    std::unordered_map<std::int64_t, std::string> model_search_names;
    std::unordered_map<std::int64_t, std::string> location_search_names;

    // The device row a planned one will be once written (id and version as given).
    DeviceRow row_of(const madoguchi::inventory::PlannedDevice& planned, std::int64_t id, std::int64_t version,
                     const std::string& updated_at) const;
    // The search_text a device with these fields has once written.
    std::string search_text_of(const AssetFields& fields) const;
};

store::Result<LedgerSnapshot> read_ledger_snapshot(store::Database& database);

store::Status write_device_import(store::Database& database, const madoguchi::inventory::DeviceImportPlan& plan,
                                  const LedgerSnapshot& snapshot, const audit::Actor& actor);
store::Status write_model_import(store::Database& database,
                                 const madoguchi::inventory::CatalogImportPlan<madoguchi::inventory::PlannedModel>& plan,
                                 const audit::Actor& actor);
store::Status write_location_import(
    store::Database& database, const madoguchi::inventory::CatalogImportPlan<madoguchi::inventory::PlannedLocation>& plan,
    const audit::Actor& actor);

}  // namespace madoguchi::server::inventory
