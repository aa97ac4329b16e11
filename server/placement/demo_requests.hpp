#pragma once
// A handful of install / move / remove requests for seed-demo, one in each state of the
// desk's work, on MFPs and floor printers of the demo fleet (demo managers' divisions first).
#include <cstdint>

#include "audit/audit_log.hpp"
#include "store/database.hpp"

namespace madoguchi::server::placement {

// Run inside seed-demo's transaction, after the demo fleet; the number of requests made.
store::Result<std::int64_t> seed_demo_requests(store::Database& database, const audit::Actor& actor);

}  // namespace madoguchi::server::placement
