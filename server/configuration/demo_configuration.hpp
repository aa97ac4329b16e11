#pragma once
// The demo ministry's configuration items for seed-demo: the services (チャットボット, Slack,
// kintone, GSS連携) and the licensed software of table 2 (PC-Talker Neo Plus ×15 on GSS
// terminals, the chatbot ×1, Slack Business+ ×500 with 480 in use), the chatbot's settings
// history and its operations manual. Run inside a transaction, after the demo fleet exists.
#include <cstdint>

#include "audit/audit_log.hpp"
#include "store/database.hpp"

namespace madoguchi::server::configuration {

struct DemoConfigurationCounts {
    std::int64_t items = 0;
    std::int64_t assignments = 0;
};

store::Result<DemoConfigurationCounts> seed_demo_configuration(store::Database& database, const audit::Actor& actor);

}  // namespace madoguchi::server::configuration
