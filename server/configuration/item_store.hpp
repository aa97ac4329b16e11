#pragma once
// Configuration items in SQLite (migration 10): listing with search, reading, creating and
// changing with optimistic versions. Each item is read with its seat usage, so a list can
// flag over-allocated licences without asking again.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "calendar/tokyo_time.hpp"
#include "configuration/configuration_item.hpp"
#include "configuration/licence.hpp"
#include "store/database.hpp"

namespace madoguchi::server::configuration {

namespace domain = madoguchi::configuration;

struct ItemRow {
    domain::ConfigurationItem item;
    std::optional<domain::SeatUsage> usage;  // software with a licence only
    std::int64_t settings_version = 0;       // newest settings version; 0: none yet
};

nlohmann::json to_json(const ItemRow& row);  // the item's wire form with "usage" and "settings_version"

struct ItemQuery {
    std::string text;                     // free text over name, vendor and description
    std::optional<domain::ItemKind> kind;
};

// By kind (services first), then name.
store::Result<std::vector<ItemRow>> list_items(store::Database& database, const ItemQuery& query);
store::Result<std::optional<ItemRow>> find_item(store::Database& database, std::int64_t id);
// The id of the item with this name, if any.
store::Result<std::optional<std::int64_t>> item_id_of_name(store::Database& database, const std::string& name);
store::Result<std::int64_t> insert_item(store::Database& database, const domain::ItemFields& fields, calendar::Instant now);
// False when the version is no longer the stored one.
store::Result<bool> update_item(store::Database& database, std::int64_t id, std::int64_t version,
                                const domain::ItemFields& fields, calendar::Instant now);

}  // namespace madoguchi::server::configuration
