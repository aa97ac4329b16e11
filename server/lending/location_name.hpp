#pragma once
// A ledger location as the lending screens and receipts name it: "building floor room".
#include <cstdint>
#include <optional>
#include <string>

#include "store/database.hpp"

namespace madoguchi::server::lending {

// Empty when no location has the id.
store::Result<std::optional<std::string>> location_name(store::Database& database, std::int64_t id);

}  // namespace madoguchi::server::lending
