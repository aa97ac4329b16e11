#pragma once
// Sample retention (保存期間): raw samples for 14 days, hourly buckets for a year, daily
// buckets beyond. A pure plan over timestamps; the store folds the rows it names (counters
// keep the bucket's last value, levels its last and lowest, as the store decides).
#include <cstdint>
#include <span>
#include <vector>

#include "calendar/tokyo_time.hpp"

namespace madoguchi::telemetry {

enum class Resolution { raw, hourly, daily };

struct RetentionRules {
    std::int64_t raw_days = 14;
    std::int64_t hourly_days = 365;
};

// The bucket a sample belongs to at a resolution: the instant itself for raw, the start of
// its UTC hour for hourly, Tokyo midnight of its Tokyo date for daily (reports are by
// Tokyo day).
calendar::Instant bucket_start(calendar::Instant at, Resolution resolution);

// Rows of one resolution to fold into one coarser bucket.
struct Fold {
    Resolution into = Resolution::hourly;
    calendar::Instant bucket;             // bucket_start at that resolution
    std::vector<std::size_t> members;     // indexes into the samples given, in their order
};

// What to fold on `now` among rows of `resolution` taken at `samples`. A bucket folds only
// once all of it is past its age limit (its end at or before now minus the days kept), so
// all its members fold in the same run and a bucket is never written twice. Rows newer
// than the limits, rows already daily, and rows in the future are kept as they are.
// Folds are ordered by bucket.
std::vector<Fold> retention_plan(std::span<const calendar::Instant> samples, Resolution resolution,
                                 calendar::Instant now, const RetentionRules& rules);

}  // namespace madoguchi::telemetry
