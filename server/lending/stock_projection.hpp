#pragma once
// The safety-stock figures of each pool: a lendable class as a whole and at each location
// holding its devices (a location's pool as a counter's: its devices and those with no place
// recorded). The pool is availability_store.hpp's, devices in repair joining on their
// expected return date.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "calendar/civil_date.hpp"
#include "store/database.hpp"

namespace madoguchi::server::lending {

// {"today","weeks","pools":[{"class","location_id","location_name","devices","available_now",
// "minimum","below","weeks":[{"from","until","lowest","returning"}]}]}: every lendable class
// with a rule (or only `class_code`), its whole pool first.
store::Result<nlohmann::json> stock_report(store::Database& database, const std::optional<std::string>& class_code,
                                           int weeks, const calendar::Date& today);

}  // namespace madoguchi::server::lending
