#pragma once
// The demo ministry's knowledge base for seed-demo: a dozen published articles, in Japanese,
// on what staff ask the desk most (printers, toner, iPad loans, GSS terminal passwords,
// PC-Talker, Slack, the chatbot) for staff, the desk and the chatbot's FAQ. Each is written
// and published as the desk's editor does (two versions, audited as `actor`). An article
// whose question is there already is left alone, so a second run adds nothing.
#include <cstdint>

#include "audit/audit_log.hpp"
#include "store/database.hpp"

namespace madoguchi::server::knowledge {

// Inside the caller's transaction; the number of articles added.
store::Result<std::int64_t> seed_demo_knowledge(store::Database& database, const audit::Actor& actor);

}  // namespace madoguchi::server::knowledge
