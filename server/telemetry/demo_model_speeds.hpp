#pragma once
// The demo fleet's printer and MFP models with their rated speeds (pages a minute) for
// seed-demo, so billing and the anomaly check bound each model by its own speed rather than
// the fleet's fastest, and the テレメトリ 設定 tab has them to show. Run inside a transaction,
// after the demo fleet's models exist.
#include <cstdint>

#include "audit/audit_log.hpp"
#include "store/database.hpp"

namespace madoguchi::server::telemetry {

// The number of models given a speed.
store::Result<std::int64_t> seed_demo_model_speeds(store::Database& database, const audit::Actor& actor);

}  // namespace madoguchi::server::telemetry
