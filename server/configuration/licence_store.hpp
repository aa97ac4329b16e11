#pragma once
// A software item's licence and its seat assignments in SQLite (migration 10).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "calendar/tokyo_time.hpp"
#include "configuration/licence.hpp"
#include "store/database.hpp"

namespace madoguchi::server::configuration {

store::Result<std::optional<madoguchi::configuration::Licence>> find_licence(store::Database& database,
                                                                             std::int64_t item_id);
// Creates or replaces the item's licence; assignments stay.
store::Status put_licence(store::Database& database, std::int64_t item_id, const madoguchi::configuration::Licence& licence);

// Oldest first.
store::Result<std::vector<madoguchi::configuration::LicenceAssignment>> list_assignments(store::Database& database,
                                                                                         std::int64_t item_id);
store::Result<std::int64_t> count_assignments(store::Database& database, std::int64_t item_id);
store::Result<std::optional<madoguchi::configuration::LicenceAssignment>> find_assignment(store::Database& database,
                                                                                          std::int64_t item_id,
                                                                                          std::int64_t assignment_id);
// Whether the user (or device) already holds a seat of the item.
store::Result<bool> holds_seat(store::Database& database, std::int64_t item_id, const std::string& user_login,
                               std::int64_t device_id);
store::Result<std::int64_t> insert_assignment(store::Database& database, std::int64_t item_id,
                                              const madoguchi::configuration::LicenceAssignment& assignment);
store::Status delete_assignment(store::Database& database, std::int64_t assignment_id);

}  // namespace madoguchi::server::configuration
