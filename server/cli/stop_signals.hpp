#pragma once
// SIGINT and SIGTERM as a request to stop gracefully.
#include <atomic>
#include <functional>
#include <thread>

#include <signal.h>

namespace madoguchi::server::cli {

// Blocks SIGINT and SIGTERM and waits for them on a thread of its own, where `on_stop` may
// do anything (a signal handler could not call into the HTTP server safely). Create it
// before starting other threads: they inherit the blocked mask.
class StopSignals {
public:
    explicit StopSignals(std::function<void()> on_stop);
    ~StopSignals();
    StopSignals(const StopSignals&) = delete;
    StopSignals& operator=(const StopSignals&) = delete;

private:
    void wait_for_signals();

    std::function<void()> on_stop_;
    sigset_t stop_set_{};
    sigset_t previous_mask_{};
    std::atomic<bool> closing_ = false;
    std::thread waiter_;
};

}  // namespace madoguchi::server::cli
