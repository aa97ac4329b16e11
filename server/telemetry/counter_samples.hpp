#pragma once
// The page counter samples (kind 3, [prtMarkerLifeCount, unit, …]) as billing's day table and
// the anomaly check (特異点) walk them: one reader, so both read a payload the same way.
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "calendar/tokyo_time.hpp"
#include "store/database.hpp"
#include "telemetry/page_counter.hpp"

namespace madoguchi::server::telemetry {

// prtMarkerLifeCount of a kind 3 payload when it counts pages; empty for anything else.
std::optional<std::int64_t> page_count(const std::string& payload);

// Calls `device(id, samples)` once for each device with counter samples in [from, to), in
// device order, the samples in time order.
using DeviceCounters = std::function<store::Status(std::int64_t, std::span<const madoguchi::telemetry::CounterSample>)>;
store::Status for_each_device_counters(store::Database& database, calendar::Instant from, calendar::Instant to,
                                       const DeviceCounters& device);

// One device's counter samples in [from, to), in time order.
store::Result<std::vector<madoguchi::telemetry::CounterSample>> device_counters(store::Database& database,
                                                                               std::int64_t device_id,
                                                                               calendar::Instant from,
                                                                               calendar::Instant to);

// The device's last sample before `before` with a readable page count (not negative), if it is
// not earlier than `not_before`: where a walk starting at `before` counts its first delta from.
store::Result<std::optional<madoguchi::telemetry::CounterSample>> last_readable_counter(store::Database& database,
                                                                                      std::int64_t device_id,
                                                                                      calendar::Instant not_before,
                                                                                      calendar::Instant before);

// The devices with any counter sample, in id order.
store::Result<std::vector<std::int64_t>> devices_with_counters(store::Database& database);

}  // namespace madoguchi::server::telemetry
