#pragma once
// The demo ministry's fleet for seed-demo: the contract's device counts (table 1 and (f)),
// locations in the ministry's buildings, the Patent Office and regional bureaus, models, and
// a staff member holding each GSS terminal in use. The same seed gives the same fleet.
#include <cstdint>

#include "audit/audit_log.hpp"
#include "store/database.hpp"

namespace madoguchi::server::inventory {

struct FleetCounts {
    std::int64_t staff = 0;
    std::int64_t locations = 0;
    std::int64_t models = 0;
    std::int64_t devices = 0;
};

// Staff are named from common Japanese family and given names (kanji and kana) with logins
// u00001…; run inside a transaction, after the demo divisions exist.
store::Result<FleetCounts> seed_demo_fleet(store::Database& database, std::uint64_t seed, const audit::Actor& actor);

inline constexpr std::int64_t demo_staff_count = 11300;

}  // namespace madoguchi::server::inventory
