#pragma once
// Table loan_reminder_policies: the return-reminder policy of each lendable class
// (shared/lending/reminder_schedule.hpp), as admins edit it.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "calendar/tokyo_time.hpp"
#include "lending/reminder_schedule.hpp"
#include "store/database.hpp"

namespace madoguchi::server::lending {

struct StoredReminderPolicy {
    madoguchi::lending::ReminderPolicy policy;
    std::int64_t version = 1;
    std::string updated_by;
    std::string updated_at;
};

// The shared JSON of the policy plus version, updated_by, updated_at.
nlohmann::json to_json(const StoredReminderPolicy& stored);

// Migration 23's step: one row per default policy.
store::Status seed_default_reminder_policies(store::Database& database);

// In the order of default_reminder_policies().
store::Result<std::vector<StoredReminderPolicy>> load_reminder_policies(store::Database& database);
store::Result<std::optional<StoredReminderPolicy>> find_reminder_policy(store::Database& database,
                                                                       const std::string& class_code);
// Writes the policy when its stored version is still `version`; false when another edit came first.
store::Result<bool> save_reminder_policy(store::Database& database, const madoguchi::lending::ReminderPolicy& policy,
                                         std::int64_t version, const std::string& actor, calendar::Instant now);

}  // namespace madoguchi::server::lending
