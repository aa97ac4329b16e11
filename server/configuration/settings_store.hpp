#pragma once
// An item's settings versions in SQLite (migration 10): each version's header row and its
// values, one row per parameter.
#include <cstdint>
#include <vector>

#include "configuration/settings.hpp"
#include "store/database.hpp"

namespace madoguchi::server::configuration {

// Newest first, each with its values.
store::Result<std::vector<madoguchi::configuration::SettingsVersion>> list_settings_versions(store::Database& database,
                                                                                            std::int64_t item_id);
// Writes `version` (its number the next one, chosen by the caller) with its values.
store::Status insert_settings_version(store::Database& database, std::int64_t item_id,
                                      const madoguchi::configuration::SettingsVersion& version);

}  // namespace madoguchi::server::configuration
