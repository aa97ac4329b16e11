#pragma once
// Cells of a ledger file as people and other systems write them, read into the ledger's
// values: a class by its code or its name in either language, a state likewise, dates as
// Excel writes them (2024/4/1), lists separated by ; or 、.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "calendar/civil_date.hpp"
#include "inventory/asset_state.hpp"

namespace madoguchi::inventory {

// "mfp", "複合機" or "Multifunction printer" (any width or case) → "mfp"; empty when none.
std::string class_code_of_cell(std::string_view cell);
// "installed", "設置済" or "Installed" → installed.
std::optional<AssetState> state_of_cell(std::string_view cell);
// "2024-04-01", "2024/4/1"; empty when not a real date.
std::optional<calendar::Date> date_of_cell(std::string_view cell);
// Items separated by ; ； 、 , or line breaks, trimmed, empty ones dropped.
std::vector<std::string> list_of_cell(std::string_view cell);
// Whether `item` holds one of those separators: such a name splits when read back.
bool has_list_separator(std::string_view item);
// A standard accessory named in either language ("マウス") → its key ("mouse"); others as written.
std::string accessory_of_item(const std::string& item);

}  // namespace madoguchi::inventory
