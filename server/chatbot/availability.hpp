#pragma once
// The chatbot's monthly availability (定期報告) from its health checks: the share of probes up
// among those outside planned maintenance, the outages (runs of failed probes outside
// maintenance) and the response times. Probes failing inside a maintenance window are counted
// apart: planned, not an outage.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "calendar/tokyo_time.hpp"

namespace madoguchi::server::chatbot {

struct Probe {
    calendar::Instant at;
    bool up = false;
    std::int64_t response_milliseconds = 0;
};

struct MaintenanceWindow {
    calendar::Instant starts;  // inclusive
    calendar::Instant ends;    // exclusive
};

struct Outage {
    calendar::Instant from;  // the first failed probe
    calendar::Instant to;    // the next probe that was up or in maintenance; the last failed one at the end
    int probes = 0;
};

struct Availability {
    int probes = 0;
    int up = 0;
    int down = 0;                 // outside maintenance
    int in_maintenance = 0;       // probes inside a window, up or down
    int down_in_maintenance = 0;  // of those, failed
    std::optional<double> percent;  // up / probes outside maintenance; none without such probes
    std::vector<Outage> outages;
    std::int64_t outage_seconds = 0;
    std::optional<double> average_response_milliseconds;  // of the probes up
    std::int64_t slowest_response_milliseconds = 0;
};

// `probes` in time order.
Availability availability(std::span<const Probe> probes, std::span<const MaintenanceWindow> windows);

}  // namespace madoguchi::server::chatbot
