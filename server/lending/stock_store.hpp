#pragma once
// 安全在庫 in SQLite: admins' thresholds (stock_thresholds; location_id 0 stands for the class
// as a whole), the alerts the periodic check raised (stock_alerts, open until recovery), and
// the dates the desk expects devices back from repair (device_repair_returns), which join
// the pools as expected returns.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "calendar/tokyo_time.hpp"
#include "lending/availability.hpp"
#include "lending/stock.hpp"
#include "store/database.hpp"

namespace madoguchi::server::lending {

struct StoredThreshold {
    madoguchi::lending::Threshold threshold;
    std::string location_name;  // empty for the class as a whole
    std::string updated_by;
    std::string updated_at;
};

nlohmann::json to_json(const StoredThreshold& stored);

store::Result<std::vector<StoredThreshold>> load_thresholds(store::Database& database);
// Replaces every threshold; the caller checked them and holds the transaction.
store::Status save_thresholds(store::Database& database, const std::vector<madoguchi::lending::Threshold>& thresholds,
                              const std::string& actor, calendar::Instant now);

// Locations holding devices of the class (in stock, reserved or lent) or named by a threshold.
store::Result<std::vector<std::int64_t>> stock_locations(store::Database& database, const std::string& class_code);

store::Status set_repair_return(store::Database& database, std::int64_t device_id, const calendar::Date& expected_on,
                                const std::string& actor, calendar::Instant now);

// Whether an alert of the pool is open (raised and not yet recovered).
store::Result<bool> alert_open(store::Database& database, const madoguchi::lending::Threshold& pool);
store::Status raise_alert(store::Database& database, const madoguchi::lending::Threshold& pool, int available,
                          calendar::Instant now);
store::Status close_alert(store::Database& database, const madoguchi::lending::Threshold& pool, calendar::Instant now);

}  // namespace madoguchi::server::lending
