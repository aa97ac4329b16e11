#pragma once
// A device document as JSON text written straight into a string: the same text as the audit
// trail's dump of to_json(row) (members in name order as nlohmann orders them, invalid UTF-8
// replaced), without building a json object, for the 40,000 records of a ledger import.
#include <string>

#include "inventory/device_store.hpp"

namespace madoguchi::server::inventory {

std::string device_json_text(const DeviceRow& row);

}  // namespace madoguchi::server::inventory
