#pragma once
// The anomaly check (特異点) of one Tokyo day over the stored counter samples: a counter that
// went backwards (reset or replaced), a business day's pages far outside the device's own
// normal (median and MAD of its earlier business days, shared/telemetry/usage_anomaly.hpp),
// and a device silent while the others on its floor print. Each finding is stored once per
// device, kind and day (telemetry_anomalies) and audited in the caller's transaction.
#include <cstdint>

#include "audit/audit_log.hpp"
#include "calendar/civil_date.hpp"
#include "calendar/tokyo_time.hpp"
#include "store/database.hpp"

namespace madoguchi::server::telemetry {

// Calendar days of history a day is judged against (about 60 business days).
inline constexpr int anomaly_history_days = 90;

struct AnomalyScan {
    calendar::Date day;
    int devices = 0;  // devices with counter samples in the window
    int flagged = 0;  // findings new this scan
};

store::Result<AnomalyScan> scan_anomalies(store::Database& database, const calendar::Date& day,
                                          const audit::Actor& actor, calendar::Instant now);

// The day before `now`'s Tokyo date: the last whole day, which the daily job judges.
calendar::Date last_whole_day(calendar::Instant now);

}  // namespace madoguchi::server::telemetry
