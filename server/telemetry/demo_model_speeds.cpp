#include "telemetry/demo_model_speeds.hpp"

#include "telemetry/model_speed_store.hpp"

namespace madoguchi::server::telemetry {
namespace {

struct SpeedSeed {
    const char* maker;
    const char* name;
    std::int64_t pages_per_minute;  // A4, as the makers rate these classes of machine
};

// The polled models of seed-demo's fleet (server/inventory/demo_fleet.cpp); the mobile
// printers and scanners are not polled, so a speed would bound nothing.
constexpr SpeedSeed speed_seeds[] = {
    {"リコー", "IM C3010", 30}, {"リコー", "IM C4510", 45}, {"リコー", "IM C6010", 60},
    {"リコー", "P 6020", 50},   {"リコー", "P C6010", 45},
};

}  // namespace

store::Result<std::int64_t> seed_demo_model_speeds(store::Database& database, const audit::Actor& actor) {
    std::int64_t seeded = 0;
    const auto now = calendar::now();
    for (const auto& seed : speed_seeds) {
        auto query = database.prepare("SELECT id FROM device_models WHERE maker = ?1 AND name = ?2");
        if (!query) return store::Error{query.error()};
        query.value().bind(1, std::string(seed.maker)).bind(2, std::string(seed.name));
        auto found = query.value().step();
        if (!found) return store::Error{found.error()};
        if (!found.value()) return store::Error{std::string("the demo model ") + seed.name + " is missing"};
        const auto model_id = query.value().column_int(0);
        if (auto saved = save_model_speed(database, model_id, seed.pages_per_minute, actor.name, now); !saved) {
            return store::Error{saved.error()};
        }
        const nlohmann::json after{{"model_id", model_id},
                                   {"model", std::string(seed.maker) + " " + seed.name},
                                   {"pages_per_minute", seed.pages_per_minute}};
        const audit::AuditEntry entry{actor, "telemetry_model_speed.set", "device_model", std::to_string(model_id),
                                      std::nullopt, after};
        if (auto recorded = audit::record(database, entry); !recorded) return store::Error{recorded.error()};
        ++seeded;
    }
    return seeded;
}

}  // namespace madoguchi::server::telemetry
