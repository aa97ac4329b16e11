#pragma once
// The periodic safety-stock check: for each threshold, the pool's devices free today against
// its minimum. A fall below it opens an alert and tells the desk once (lending.stock_low,
// routed to role:operator by default); the alert closes when the pool is back at the minimum,
// so a later fall tells them again. Each pool's step is one transaction, audited as the system
// (stock.low, stock.recovered).
#include "calendar/tokyo_time.hpp"
#include "store/database.hpp"

namespace madoguchi::server::lending {

struct StockCheck {
    int raised = 0;
    int recovered = 0;
};

store::Result<StockCheck> run_stock_check(store::Database& database, calendar::Instant now);

}  // namespace madoguchi::server::lending
