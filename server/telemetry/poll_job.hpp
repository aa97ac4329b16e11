#pragma once
// The telemetry poll job inside `serve` (off unless serve --telemetry-schedule is given): a
// thread with its own database connection that polls the fleet at the schedule's shortest
// interval, asking each device the kinds due from it (device_kinds_due), and stores them,
// logging failures to stderr. net-snmp runs on this thread only.
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <stop_token>
#include <string>
#include <thread>

#include "telemetry/poll_schedule.hpp"
#include "telemetry/poll_target.hpp"

namespace madoguchi::server::telemetry {

struct PollJobSettings {
    PollSchedule schedule;
    PollSettings poll;
    std::string agent_override;  // serve --snmp-agent: the simulated fleet
};

class PollJob {
public:
    PollJob(std::filesystem::path database, PollJobSettings settings);
    ~PollJob() = default;  // the jthread requests the stop, which wakes the thread, and joins
    PollJob(const PollJob&) = delete;
    PollJob& operator=(const PollJob&) = delete;

private:
    void run(std::stop_token stop);

    std::filesystem::path database_;
    PollJobSettings settings_;
    std::mutex mutex_;
    std::condition_variable_any wake_;
    std::jthread thread_;  // last: starts once everything it uses exists
};

}  // namespace madoguchi::server::telemetry
