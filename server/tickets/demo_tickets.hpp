#pragma once
// Demo tickets for seed-demo and the 300,000-ticket bench: every kind, raised by the demo
// staff about the demo fleet, each walked along its own workflow (shared/tickets/workflow.hpp)
// as far as its age allows, so old tickets are closed and recent ones still open, with the
// timeline, device links and stored SLA clocks the server keeps for real ones. The same seed
// gives the same tickets.
#include <cstdint>

#include "audit/audit_log.hpp"
#include "calendar/tokyo_time.hpp"
#include "store/database.hpp"

namespace madoguchi::server::tickets {

struct DemoTicketPlan {
    std::int64_t count = 400;
    std::uint64_t seed = 1;
    calendar::Instant now;  // tickets are spread over the `days` before it
    int days = 180;
    // Each ticket's creation audited, as seed-demo does; the bench writes without.
    bool audited = true;
};

// Inside the caller's transaction, after the demo organisation (staff, the desk) and
// preferably the fleet exist. The number of tickets written.
store::Result<std::int64_t> seed_demo_tickets(store::Database& database, const DemoTicketPlan& plan,
                                              const audit::Actor& actor);

}  // namespace madoguchi::server::tickets
