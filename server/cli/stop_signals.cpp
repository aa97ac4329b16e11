#include "cli/stop_signals.hpp"

#include <pthread.h>

namespace madoguchi::server::cli {

StopSignals::StopSignals(std::function<void()> on_stop) : on_stop_(std::move(on_stop)) {
    sigemptyset(&stop_set_);
    sigaddset(&stop_set_, SIGINT);
    sigaddset(&stop_set_, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_set_, &previous_mask_);
    waiter_ = std::thread([this] { wait_for_signals(); });
}

StopSignals::~StopSignals() {
    closing_ = true;
    // Wakes the waiter with a signal only it receives.
    pthread_kill(waiter_.native_handle(), SIGTERM);
    waiter_.join();
    pthread_sigmask(SIG_SETMASK, &previous_mask_, nullptr);
}

void StopSignals::wait_for_signals() {
    while (true) {
        int received = 0;
        if (sigwait(&stop_set_, &received) != 0) continue;
        if (closing_) return;
        on_stop_();
    }
}

}  // namespace madoguchi::server::cli
