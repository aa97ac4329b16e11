#pragma once
// Pages per device and Tokyo day, as billing counts them (shared/telemetry/billing.hpp
// daily_pages over the counter samples, with page_counter.hpp's wrap, reset and jump rules and
// the model's rated speed): a month's bill and the fiscal year's months are sums over days.
//
// Closed days (before today in Tokyo) are kept in telemetry_page_days by fill_page_days, which
// the retention job runs right after compacting samples, the one bulk rewrite of samples.
// Kept days are a cache of the samples, never a second truth: triggers on telemetry_samples
// (migration 34) drop a device's days from a changed sample's day on, the model's speed is kept
// with them, and any day not kept (today, a day since invalidated, before the filled range) is
// walked from the samples when asked. So a bill is the same whether the job has run or not.
#include <cstdint>
#include <limits>
#include <map>
#include <vector>

#include "calendar/civil_date.hpp"
#include "calendar/tokyo_time.hpp"
#include "store/database.hpp"

namespace madoguchi::server::telemetry {

// The first delta of a fiscal year counts from a sample at most this long before 1 April: a
// device silent for longer starts counting at its first sample after.
inline constexpr int billing_baseline_days = 40;

// 1 April of the fiscal year holding `day`.
calendar::Date fiscal_year_start(const calendar::Date& day);

// Days [first, last] as calendar::days_from_civil numbers; empty when last < first.
struct DaySpan {
    std::int64_t first = 0;
    std::int64_t last = -1;
};

struct PageTotal {
    std::int64_t pages = 0;
    int reset_days = 0;    // days the counter went backwards or jumped
    int counted_days = 0;  // days with a counted delta (a reset day included)
};

// For every device with counter samples, its totals over each span (in order, not
// overlapping), as billing counts its days: summed in SQL over the kept days, walked from the
// samples where none are kept.
store::Result<std::map<std::int64_t, std::vector<PageTotal>>> page_totals(store::Database& database,
                                                                        const std::vector<DaySpan>& spans);

struct PageDayFill {
    int devices = 0;       // devices whose kept days were extended or walked again
    std::int64_t days = 0;  // rows written
};

// Keeps the closed days before `now`'s Tokyo date, back to 1 April of the previous fiscal
// year, for the devices with counter samples whose kept days fall short, at most
// `most_devices` of them (fewer walked than that: all are kept). In the caller's transaction,
// if any: a caller holding the write lock walks a few at a time.
store::Result<PageDayFill> fill_page_days(store::Database& database, calendar::Instant now,
                                          int most_devices = std::numeric_limits<int>::max());

}  // namespace madoguchi::server::telemetry
