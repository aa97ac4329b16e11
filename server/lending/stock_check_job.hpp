#pragma once
// The safety-stock check inside `serve`: a thread with its own database connection that runs
// run_stock_check (stock_check.hpp) at once and then every `interval` (ten minutes), logging
// failures to stderr.
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <stop_token>
#include <thread>

namespace madoguchi::server::lending {

inline constexpr std::chrono::minutes default_stock_check_interval{10};

class StockCheckJob {
public:
    explicit StockCheckJob(std::filesystem::path database,
                           std::chrono::milliseconds interval = default_stock_check_interval);
    // The jthread's destructor requests the stop, which wakes the thread, and joins it.
    ~StockCheckJob() = default;
    StockCheckJob(const StockCheckJob&) = delete;
    StockCheckJob& operator=(const StockCheckJob&) = delete;

private:
    void run(std::stop_token stop);

    std::filesystem::path database_;
    std::chrono::milliseconds interval_;
    std::mutex mutex_;
    std::condition_variable_any wake_;
    std::jthread thread_;  // last: starts once everything it uses exists
};

}  // namespace madoguchi::server::lending
