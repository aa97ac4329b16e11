#pragma once
// Lists of names (accessories, consumables) are stored as JSON arrays of strings in one column.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace madoguchi::server::inventory {

inline std::string list_text(const std::vector<std::string>& values) { return nlohmann::json(values).dump(); }

// The strings of a stored array; anything else reads as no names.
inline std::vector<std::string> list_of(const std::string& stored) {
    const auto parsed = nlohmann::json::parse(stored, nullptr, false);
    std::vector<std::string> values;
    if (!parsed.is_array()) return values;
    for (const auto& item : parsed) {
        if (item.is_string()) values.push_back(item.get<std::string>());
    }
    return values;
}

}  // namespace madoguchi::server::inventory
