#pragma once
// Table loan_rules: the lending rule of each lendable class (shared/lending/loan_rules.hpp).
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "calendar/tokyo_time.hpp"
#include "lending/loan_rules.hpp"
#include "store/database.hpp"

namespace madoguchi::server::lending {

struct StoredRule {
    madoguchi::lending::LoanRule rule;
    std::int64_t version = 1;
    std::string updated_by;
    std::string updated_at;
};

nlohmann::json to_json(const StoredRule& stored);

// Migration 21's step: one row per default rule.
store::Status seed_default_rules(store::Database& database);

store::Result<std::vector<StoredRule>> load_rules(store::Database& database);
store::Result<std::optional<StoredRule>> find_rule(store::Database& database, const std::string& class_code);
// Writes the rule when its stored version is still `version`; false when another edit came first.
store::Result<bool> save_rule(store::Database& database, const madoguchi::lending::LoanRule& rule, std::int64_t version,
                              const std::string& actor, calendar::Instant now);

}  // namespace madoguchi::server::lending
