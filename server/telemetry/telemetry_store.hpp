#pragma once
// Telemetry in SQLite (migration 25): one row per poll cycle, the last known state per device
// (raw reading as JSON, kept from the last answer while a device is silent), and compact
// samples per device, kind and time. Status, supplies and firmware samples are written only
// when they differ from the device's previous one of the kind; counters on their schedule.
#include <cstdint>
#include <span>
#include <string>

#include "calendar/tokyo_time.hpp"
#include "store/database.hpp"
#include "telemetry/poll_schedule.hpp"
#include "telemetry/snmp_poller.hpp"

namespace madoguchi::server::telemetry {

struct CycleSummary {
    std::string trigger;  // "schedule", "command", "manual"
    calendar::Instant started;
    calendar::Instant finished;
    KindsDue kinds;  // those asked of at least one device
    int devices = 0;
    int reachable = 0;
    int timeouts = 0;
    int oddities = 0;  // devices with at least one
    int requests = 0;
    int in_flight_peak = 0;
    std::int64_t wall_milliseconds = 0;  // the SNMP poll alone
    std::int64_t samples_written = 0;
};

CycleSummary summarise(const PollOutcome& outcome, std::string trigger, calendar::Instant started,
                       calendar::Instant finished);

// The compact payload of one sample kind (a JSON array, see the migration's comment).
std::string sample_payload(SampleKind kind, const SnmpReading& reading);

// Writes the cycle, every device's state and the samples of the kinds asked of it (and when
// they were read) in one transaction, with what they set off under the stored loop rules
// (loop_rules_store.hpp; cycle_effects.hpp: interpretation, toner orders, fault incidents);
// returns the cycle's id and sets summary.samples_written.
store::Result<std::int64_t> record_cycle(store::Database& database, CycleSummary& summary,
                                         std::span<const DeviceReading> devices);

}  // namespace madoguchi::server::telemetry
