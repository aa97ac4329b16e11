#pragma once
// Sample retention in SQLite: shared/telemetry/retention.hpp's plan carried out on
// telemetry_samples. The rows of one bucket become one row at the bucket's start, of the
// coarser resolution, holding the bucket's last payload (a counter's last value is what the
// next delta counts from; a level's last is where the cartridge stood). A bucket with
// members of both raw and hourly rows (a compaction not run for a year) keeps the payload
// folded last.
#include <cstdint>

#include "calendar/tokyo_time.hpp"
#include "store/database.hpp"
#include "telemetry/retention.hpp"

namespace madoguchi::server::telemetry {

struct Compaction {
    std::int64_t rows_folded = 0;   // raw or hourly rows removed
    std::int64_t rows_written = 0;  // hourly or daily rows that replaced them
};

// One transaction; audited as "telemetry.samples_compacted" when it folds anything.
store::Result<Compaction> compact_samples(store::Database& database, calendar::Instant now,
                                          const madoguchi::telemetry::RetentionRules& rules);

}  // namespace madoguchi::server::telemetry
