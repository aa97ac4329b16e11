#pragma once
// The ledger as rows of text in ledger_columns() order, for the CSV and XLSX exports: every
// value as the import reads it back (state by its name, class by its code, a location by its
// display name, accessories joined with ";", dates as YYYY-MM-DD).
#include <string>
#include <vector>

#include "inventory/catalog_store.hpp"
#include "inventory/device_store.hpp"
#include "inventory/ledger_columns.hpp"

namespace madoguchi::server::inventory {

using LedgerRow = std::vector<std::string>;

// `model`: the device's model, null when it has none.
LedgerRow device_cells(const DeviceRow& device, const DeviceModel* model);
LedgerRow model_cells(const DeviceModel& model);
LedgerRow location_cells(const Location& location);

// Every device the query finds, in its sort order, read page by page (its limit and cursor
// are the reader's own). Run it on a connection of its own inside a read transaction, so
// the pages are one snapshot and the server's shared connection stays free meanwhile.
store::Result<std::vector<LedgerRow>> device_ledger(store::Database& database, DeviceQuery query);
store::Result<std::vector<LedgerRow>> model_ledger(store::Database& database);
store::Result<std::vector<LedgerRow>> location_ledger(store::Database& database);

// "a;b;c": how lists (accessories, consumables) travel in one cell.
std::string joined_list(const std::vector<std::string>& values);

}  // namespace madoguchi::server::inventory
