#include "lending/stock_projection.hpp"

#include "lending/availability_store.hpp"
#include "lending/location_name.hpp"
#include "lending/rule_store.hpp"
#include "lending/stock_store.hpp"

namespace madoguchi::server::lending {
namespace {

namespace domain = madoguchi::lending;

std::optional<int> minimum_of(const std::vector<StoredThreshold>& thresholds, const std::string& class_code,
                              std::optional<std::int64_t> location_id) {
    for (const auto& stored : thresholds) {
        if (stored.threshold.class_code == class_code && stored.threshold.location_id == location_id) {
            return stored.threshold.minimum;
        }
    }
    return std::nullopt;
}

}  // namespace

store::Result<nlohmann::json> stock_report(store::Database& database, const std::optional<std::string>& class_code,
                                           int weeks, const calendar::Date& today) {
    auto rules = load_rules(database);
    if (!rules) return store::Error{rules.error()};
    auto thresholds = load_thresholds(database);
    if (!thresholds) return store::Error{thresholds.error()};
    auto pools = nlohmann::json::array();
    for (const auto& stored : rules.value()) {
        const auto& code = stored.rule.class_code;
        if (class_code && *class_code != code) continue;
        auto locations = stock_locations(database, code);
        if (!locations) return store::Error{locations.error()};
        std::vector<std::optional<std::int64_t>> keys{std::nullopt};
        keys.insert(keys.end(), locations.value().begin(), locations.value().end());
        for (const auto& location : keys) {
            auto pool = load_pool(database, {code, location, today});
            if (!pool) return store::Error{pool.error()};
            std::string name;
            if (location) {
                auto found = location_name(database, *location);
                if (!found) return store::Error{found.error()};
                name = found.value().value_or("");
            }
            auto projected = nlohmann::json::array();
            for (const auto& week : domain::project_weeks(pool.value(), today, weeks)) {
                projected.push_back({{"from", calendar::format_date(week.from)},
                                     {"until", calendar::format_date(week.until)},
                                     {"lowest", week.lowest},
                                     {"returning", week.returning}});
            }
            const auto now = domain::available_now(pool.value(), today);
            const auto minimum = minimum_of(thresholds.value(), code, location);
            pools.push_back({{"class", code},
                             {"location_id", location ? nlohmann::json(*location) : nlohmann::json(nullptr)},
                             {"location_name", name},
                             {"devices", pool.value().devices},
                             {"available_now", now},
                             {"minimum", minimum ? nlohmann::json(*minimum) : nlohmann::json(nullptr)},
                             {"below", minimum && now < *minimum},
                             {"weeks", projected}});
        }
    }
    return nlohmann::json{{"today", calendar::format_date(today)}, {"weeks", weeks}, {"pools", pools}};
}

}  // namespace madoguchi::server::lending
