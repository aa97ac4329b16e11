#pragma once
// The escalation job inside `serve`: a thread with its own database connection that runs the
// escalation sweep (ticket_escalation.hpp) at once and then every `interval` (a minute unless
// serve --escalation-every says otherwise), logging failures to stderr.
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <stop_token>
#include <thread>

namespace madoguchi::server::tickets {

inline constexpr std::chrono::seconds default_escalation_interval{60};

class EscalationJob {
public:
    EscalationJob(std::filesystem::path database, std::chrono::milliseconds interval);
    // The jthread's destructor requests the stop, which wakes the thread, and joins it.
    ~EscalationJob() = default;
    EscalationJob(const EscalationJob&) = delete;
    EscalationJob& operator=(const EscalationJob&) = delete;

private:
    void run(std::stop_token stop);

    std::filesystem::path database_;
    std::chrono::milliseconds interval_;
    std::mutex mutex_;
    std::condition_variable_any wake_;
    std::jthread thread_;  // last: starts once everything it uses exists
};

}  // namespace madoguchi::server::tickets
