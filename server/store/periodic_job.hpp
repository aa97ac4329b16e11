#pragma once
// A background job inside `serve` (the ticket escalation sweep, the lending reminder run): a
// thread with its own database connection that does its work at once and then every
// `interval`, logging failures to stderr as "<name>: <error>". Its own connection, as the
// outbox worker's: its transactions wait for the requests' through the busy timeout.
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <functional>
#include <mutex>
#include <stop_token>
#include <string>
#include <thread>

#include "store/database.hpp"

namespace madoguchi::server::store {

class PeriodicJob {
public:
    using Work = std::function<Status(Database&)>;

    PeriodicJob(std::string name, std::filesystem::path database, std::chrono::milliseconds interval, Work work);
    // The jthread's destructor requests the stop, which wakes the thread, and joins it.
    ~PeriodicJob() = default;
    PeriodicJob(const PeriodicJob&) = delete;
    PeriodicJob& operator=(const PeriodicJob&) = delete;

private:
    void run(std::stop_token stop);

    std::string name_;
    std::filesystem::path database_;
    std::chrono::milliseconds interval_;
    Work work_;
    std::mutex mutex_;
    std::condition_variable_any wake_;
    std::jthread thread_;  // last: starts once everything it uses exists
};

}  // namespace madoguchi::server::store
