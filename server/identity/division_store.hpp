#pragma once
// 課室: the organisation as a tree of divisions (table divisions). Bureaus are divisions
// whose parent is empty; users belong to exactly one division.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace madoguchi::server::identity {

struct Division {
    std::string code;
    std::string parent_code;  // empty at the top of the tree
    std::string name_ja;
    std::string name_en;
};

nlohmann::json to_json(const Division& division);

store::Result<std::optional<Division>> find_division(store::Database& database, std::string_view code);
// Every division, parents before their children, siblings by code.
store::Result<std::vector<Division>> list_divisions(store::Database& database);
// Inserts or, when the code exists, replaces names and parent. The parent must exist.
store::Status upsert_division(store::Database& database, const Division& division);

}  // namespace madoguchi::server::identity
