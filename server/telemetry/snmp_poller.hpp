#pragma once
// Polls printers over SNMP with net-snmp's asynchronous API on the calling thread: one session
// per agent, opened when its device enters the window of requests in flight and closed when
// its poll ends, so an offline printer costs one timeout in parallel with the others (a device
// never read closes its session while it waits for the window again after its first answer).
// net-snmp's traditional API is not thread-safe: concurrent calls wait for each other.
#include <functional>
#include <span>
#include <vector>

#include "telemetry/poll_target.hpp"
#include "telemetry/snmp_reading.hpp"

namespace madoguchi::server::telemetry {

struct PollOutcome {
    std::vector<DeviceReading> devices;  // in the order of the targets
    int in_flight_peak = 0;
    int requests = 0;
};

// Reads the values of each target's kinds (reading_builder.hpp) from it.
PollOutcome poll_devices(std::span<const PollTarget> targets, const PollSettings& settings);

}  // namespace madoguchi::server::telemetry
