#include "lending/stock_check_job.hpp"

#include <cstdio>

#include "lending/stock_check.hpp"
#include "store/database.hpp"

namespace madoguchi::server::lending {

StockCheckJob::StockCheckJob(std::filesystem::path database, std::chrono::milliseconds interval)
    : database_(std::move(database)), interval_(interval), thread_([this](std::stop_token stop) { run(stop); }) {}

void StockCheckJob::run(std::stop_token stop) {
    auto database = store::Database::open(database_);
    if (!database) {
        std::fprintf(stderr, "stock check: cannot open the database: %s\n", database.error().c_str());
        return;
    }
    while (!stop.stop_requested()) {
        if (auto checked = run_stock_check(database.value(), calendar::now()); !checked) {
            std::fprintf(stderr, "stock check: %s\n", checked.error().c_str());
        }
        std::unique_lock lock(mutex_);
        // Returns after the interval, or at once when the stop is requested.
        wake_.wait_for(lock, stop, interval_, [] { return false; });
    }
}

}  // namespace madoguchi::server::lending
