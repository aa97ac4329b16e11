#pragma once
// The safety-stock check inside `serve`: runs run_stock_check (stock_check.hpp) at once and then
// every `interval` (ten minutes) on a thread and connection of its own (store/periodic_job.hpp).
#include <chrono>
#include <filesystem>

#include "store/periodic_job.hpp"

namespace madoguchi::server::lending {

inline constexpr std::chrono::minutes default_stock_check_interval{10};

class StockCheckJob {
public:
    explicit StockCheckJob(std::filesystem::path database,
                           std::chrono::milliseconds interval = default_stock_check_interval);

private:
    store::PeriodicJob job_;
};

}  // namespace madoguchi::server::lending
