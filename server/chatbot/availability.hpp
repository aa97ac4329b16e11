#pragma once
// The chatbot's monthly availability (定期報告) from its health checks, weighted by time: each
// probe's result holds from its instant until the next probe, but no longer than
// `hold_intervals` of its own interval, so a stretch without probes (the server down, the
// probe off) is unknown and reported apart instead of taking the last result's side. Time
// inside planned maintenance windows is counted apart too: planned, not an outage.
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "calendar/tokyo_time.hpp"

namespace madoguchi::server::chatbot {

// A probe late by up to this many of its intervals still vouches for the time since the last
// one (a slow answer, a busy machine); beyond it nobody was looking.
inline constexpr std::int64_t hold_intervals = 3;

struct Probe {
    calendar::Instant at;
    bool up = false;
    std::int64_t response_milliseconds = 0;
    std::int64_t interval_seconds = 60;  // how often the probe ran when this one was taken
};

struct MaintenanceWindow {
    calendar::Instant starts;  // inclusive
    calendar::Instant ends;    // exclusive
};

struct Outage {
    calendar::Instant from;  // the first failed probe
    calendar::Instant to;    // when its failure stopped holding: a probe up, a window, or the hold's end
    int probes = 0;
};

struct Availability {
    // Probes taken in the period, as counts.
    int probes = 0;
    int up = 0;
    int down = 0;                 // outside maintenance
    int in_maintenance = 0;       // probes inside a window, up or down
    int down_in_maintenance = 0;  // of those, failed
    // The period's seconds, split: period = up + down + maintenance + unknown.
    std::int64_t period_seconds = 0;       // up to `now` in the current month
    std::int64_t up_seconds = 0;           // outside maintenance, held by a probe up
    std::int64_t down_seconds = 0;         // outside maintenance, held by a failed probe (the outages')
    std::int64_t maintenance_seconds = 0;  // inside a window, whatever the probes said
    std::int64_t unknown_seconds = 0;      // outside maintenance, held by no probe
    std::optional<double> percent;         // up / (up + down) seconds × 100; none without either
    std::vector<Outage> outages;
    std::optional<double> average_response_milliseconds;  // of the probes up
    std::int64_t slowest_response_milliseconds = 0;
};

// Over [from, min(to, now)). `probes` in time order; one before `from` may hold into the period.
Availability availability(std::span<const Probe> probes, std::span<const MaintenanceWindow> windows,
                          calendar::Instant from, calendar::Instant to, calendar::Instant now);

}  // namespace madoguchi::server::chatbot
