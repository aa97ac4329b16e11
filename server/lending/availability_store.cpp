#include "lending/availability_store.hpp"

#include <algorithm>
#include <utility>

#include "lending/holding_states.hpp"
#include "lending/loan_request.hpp"

namespace madoguchi::server::lending {
namespace {

// Parameters: ?1 class, ?2 location (NULL: any). A counter's pool is what is kept there and
// what has no place recorded.
constexpr const char* at_location = "(?2 IS NULL OR d.location_id = ?2 OR d.location_id IS NULL)";

const std::string& pool_devices_sql() {
    static const std::string sql =
        std::string("SELECT d.id FROM devices d WHERE d.class = ?1 AND ") + at_location +
        " AND (d.state = 'in_stock' OR EXISTS (SELECT 1 FROM loan_allocations a JOIN loan_requests r ON "
        "r.id = a.request_id WHERE a.device_id = d.id AND r.state IN " + holding_states_sql() + "))";
    return sql;
}

void bind_pool(store::Statement& statement, const PoolQuery& query) {
    statement.bind(1, query.class_code);
    if (query.location_id) statement.bind(2, *query.location_id);
}

// Devices of the class still in repair with an expected return date, by date.
store::Result<std::vector<madoguchi::lending::ExpectedReturn>> repair_returns(store::Database& database,
                                                                              const PoolQuery& query) {
    auto select = database.prepare(
        std::string("SELECT r.expected_on, count(*) FROM device_repair_returns r JOIN devices d ON d.id = r.device_id "
                    "WHERE d.state = 'in_repair' AND d.class = ?1 AND ") +
        at_location + " GROUP BY r.expected_on ORDER BY r.expected_on");
    if (!select) return store::Error{select.error()};
    bind_pool(select.value(), query);
    std::vector<madoguchi::lending::ExpectedReturn> returns;
    while (true) {
        auto step = select.value().step();
        if (!step) return store::Error{step.error()};
        if (!step.value()) return returns;
        const auto on = calendar::parse_date(select.value().column_text(0));
        if (on) returns.push_back({*on, static_cast<int>(select.value().column_int(1))});
    }
}

}  // namespace

store::Result<madoguchi::lending::Pool> load_pool(store::Database& database, const PoolQuery& query) {
    madoguchi::lending::Pool pool;
    // Devices on the shelf, and those a holding request keeps elsewhere (reserved, on loan):
    // each counted once.
    auto count = database.prepare(
        std::string("SELECT (SELECT count(*) FROM devices d WHERE d.class = ?1 AND d.state = 'in_stock' AND ") +
        at_location + ") + (SELECT count(DISTINCT a.device_id) FROM loan_requests r JOIN loan_allocations a ON "
        "a.request_id = r.id JOIN devices d ON d.id = a.device_id WHERE r.class = ?1 AND r.state IN " +
        holding_states_sql() + " AND d.state <> 'in_stock' AND " + at_location + ")");
    if (!count) return store::Error{count.error()};
    bind_pool(count.value(), query);
    if (auto step = count.value().step(); !step) return store::Error{step.error()};
    pool.devices = static_cast<int>(count.value().column_int(0));

    // Requests of the class in a holding state keep only devices of the class; grouped by
    // period, since many loans share theirs.
    auto holds = database.prepare(
        std::string("SELECT r.start_date, r.due_date, r.state, count(*) FROM loan_requests r JOIN loan_allocations a "
                    "ON a.request_id = r.id JOIN devices d ON d.id = a.device_id WHERE r.class = ?1 AND r.state IN ") +
        holding_states_sql() + " AND " + at_location + " GROUP BY r.start_date, r.due_date, r.state");
    if (!holds) return store::Error{holds.error()};
    bind_pool(holds.value(), query);
    const auto on_loan = madoguchi::lending::state_name(madoguchi::lending::RequestState::on_loan);
    while (true) {
        auto step = holds.value().step();
        if (!step) return store::Error{step.error()};
        if (!step.value()) break;
        const auto& s = holds.value();
        const auto from = calendar::parse_date(s.column_text(0));
        auto until = calendar::parse_date(s.column_text(1));
        if (!from || !until) continue;
        // An overdue loan is back no sooner than today.
        if (s.column_text(2) == on_loan) until = std::max(*until, query.today);
        pool.holds.push_back({*from, *until, static_cast<int>(s.column_int(3))});
    }
    auto returns = repair_returns(database, query);
    if (!returns) return store::Error{returns.error()};
    pool.returns = std::move(returns.value());
    return pool;
}

store::Result<std::vector<Candidate>> free_devices(store::Database& database, const PoolQuery& query,
                                                   const calendar::Date& start, const calendar::Date& due) {
    auto select = database.prepare(
        std::string("SELECT d.id, d.asset_tag, d.state = 'in_stock' FROM devices d WHERE d.id IN (") + pool_devices_sql() +
        ") AND d.state IN ('in_stock', 'reserved') AND NOT EXISTS (SELECT 1 FROM loan_allocations a "
        "JOIN loan_requests r ON r.id = a.request_id WHERE a.device_id = d.id AND r.state IN " + holding_states_sql() +
        " AND r.start_date <= ?4 AND r.due_date >= ?3) "
        "ORDER BY (?2 IS NOT NULL AND d.location_id = ?2) DESC, d.asset_tag");
    if (!select) return store::Error{select.error()};
    bind_pool(select.value(), query);
    select.value().bind(3, calendar::format_date(start)).bind(4, calendar::format_date(due));
    std::vector<Candidate> candidates;
    while (true) {
        auto step = select.value().step();
        if (!step) return store::Error{step.error()};
        if (!step.value()) return candidates;
        const auto& s = select.value();
        candidates.push_back({s.column_int(0), s.column_text(1), s.column_int(2) == 1});
    }
}

}  // namespace madoguchi::server::lending
