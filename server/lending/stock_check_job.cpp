#include "lending/stock_check_job.hpp"

#include "lending/stock_check.hpp"

namespace madoguchi::server::lending {

StockCheckJob::StockCheckJob(std::filesystem::path database, std::chrono::milliseconds interval)
    : job_("stock check", std::move(database), interval, [](store::Database& connection) -> store::Status {
          if (auto checked = run_stock_check(connection, calendar::now()); !checked) return store::Error{checked.error()};
          return store::success();
      }) {}

}  // namespace madoguchi::server::lending
