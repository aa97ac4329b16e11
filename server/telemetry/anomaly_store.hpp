#pragma once
// Table telemetry_anomalies (migration 29): anomalies (特異点) flagged for review, one per device,
// kind and Tokyo day, until someone acknowledges them with a note.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "audit/audit_log.hpp"
#include "calendar/civil_date.hpp"
#include "calendar/tokyo_time.hpp"
#include "store/database.hpp"

namespace madoguchi::server::telemetry {

enum class AnomalyKind { counter_backwards, unusually_high, unusually_low, silent };

// "counter_backwards", …; catalog keys "telemetry_extra.anomaly.<name>".
std::string_view anomaly_kind_name(AnomalyKind kind);
std::optional<AnomalyKind> parse_anomaly_kind(std::string_view name);

struct Finding {
    std::int64_t device_id = 0;
    AnomalyKind kind = AnomalyKind::counter_backwards;
    std::int64_t pages = 0;        // that day
    std::int64_t usual_pages = 0;  // the device's median day; 0 when not judged
};

// Stores the finding unless that device, kind and day is already flagged, auditing it as
// telemetry_anomaly.flagged; whether it was new.
store::Result<bool> flag_anomaly(store::Database& database, const Finding& finding, const calendar::Date& day,
                                 const audit::Actor& actor, calendar::Instant now);

enum class AnomalyFilter { open, acknowledged, all };

// Newest day first, at most `limit`, with the device's asset tag.
store::Result<nlohmann::json> list_anomalies(store::Database& database, AnomalyFilter filter, int limit);
store::Result<std::optional<nlohmann::json>> find_anomaly(store::Database& database, std::int64_t id);

// Acknowledges an open anomaly; false when it was already acknowledged.
store::Result<bool> acknowledge_anomaly(store::Database& database, std::int64_t id, const std::string& actor,
                                        const std::string& note, calendar::Instant now);

}  // namespace madoguchi::server::telemetry
