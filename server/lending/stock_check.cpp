#include "lending/stock_check.hpp"

#include "audit/audit_log.hpp"
#include "i18n/catalog.hpp"
#include "lending/availability_store.hpp"
#include "lending/class_name.hpp"
#include "lending/stock_store.hpp"
#include "notifications/notification_routing.hpp"

namespace madoguchi::server::lending {
namespace {

namespace domain = madoguchi::lending;

std::string japanese(std::string_view key) { return i18n::text(key, i18n::Language::ja); }

nlohmann::json pool_json(const StoredThreshold& stored, int available) {
    auto json = to_json(stored);
    json["available"] = available;
    return json;
}

store::Status tell_desk(store::Database& database, const StoredThreshold& stored, int available) {
    const auto& pool = stored.threshold;
    notifications::PlaceholderValues values{
        {"device_class", class_name_ja(pool.class_code)},
        {"location", pool.location_id ? stored.location_name : japanese("lending.stock.all_locations")},
        {"available", std::to_string(available)},
        {"minimum", std::to_string(pool.minimum)},
        {"url", "/#/lending/stock"}};
    return notifications::enqueue_routed(database, {"lending.stock_low", {}, {}, std::move(values)}, {},
                                         audit::system_actor);
}

// One pool's step; whether it raised (1), recovered (-1) or did nothing (0).
store::Result<int> check_pool(store::Database& database, const StoredThreshold& stored, calendar::Instant now) {
    const auto& pool = stored.threshold;
    auto loaded = load_pool(database, {pool.class_code, pool.location_id, calendar::to_tokyo(now).date});
    if (!loaded) return store::Error{loaded.error()};
    const auto available = domain::available_now(loaded.value(), calendar::to_tokyo(now).date);
    auto open = alert_open(database, pool);
    if (!open) return store::Error{open.error()};
    const auto step = domain::alert_step(open.value(), available, pool.minimum);
    if (step == domain::AlertStep::none) return 0;
    const auto raising = step == domain::AlertStep::raise;
    auto changed = raising ? raise_alert(database, pool, available, now) : close_alert(database, pool, now);
    if (!changed) return store::Error{changed.error()};
    const audit::AuditEntry entry{audit::system_actor, raising ? "stock.low" : "stock.recovered", "stock_threshold",
                                  pool.class_code + "@" + std::to_string(pool.location_id.value_or(0)), std::nullopt,
                                  pool_json(stored, available)};
    if (auto recorded = audit::record(database, entry); !recorded) return store::Error{recorded.error()};
    if (raising) {
        if (auto told = tell_desk(database, stored, available); !told) return store::Error{told.error()};
    }
    return raising ? 1 : -1;
}

}  // namespace

store::Result<StockCheck> run_stock_check(store::Database& database, calendar::Instant now) {
    auto thresholds = load_thresholds(database);
    if (!thresholds) return store::Error{thresholds.error()};
    StockCheck check;
    for (const auto& stored : thresholds.value()) {
        int outcome = 0;
        auto done = database.transaction([&]() -> store::Status {
            auto stepped = check_pool(database, stored, now);
            if (!stepped) return store::Error{stepped.error()};
            outcome = stepped.value();
            return store::success();
        });
        if (!done) return store::Error{done.error()};
        if (outcome > 0) ++check.raised;
        if (outcome < 0) ++check.recovered;
    }
    return check;
}

}  // namespace madoguchi::server::lending
