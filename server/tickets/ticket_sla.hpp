#pragma once
// A stored ticket's SLA clock: its timeline read back from ticket_events, the policy of its
// kind and priority, the hours of the desk or of the vendor it was handed to (the class of
// its first linked device), and compute_sla_clock. Every write stores the result
// (sla_due_at and the flags); the escalation sweep calls recompute_open_ticket_clocks.
#include <cstdint>
#include <vector>

#include "calendar/tokyo_time.hpp"
#include "store/database.hpp"
#include "tickets/sla_clock.hpp"
#include "tickets/ticket_store.hpp"

namespace madoguchi::server::tickets {

store::Result<madoguchi::tickets::SlaClock> sla_clock_of(store::Database& database, const TicketRow& ticket,
                                                         calendar::Instant now);

// Recomputes and stores sla_due_at, sla_breached and sla_near_breach of one ticket.
store::Result<madoguchi::tickets::SlaClock> store_sla_clock(store::Database& database, const TicketRow& ticket,
                                                            calendar::Instant now);

// Every ticket not in a state terminal for every kind, by id: those the sweeps read.
store::Result<std::vector<TicketRow>> open_tickets(store::Database& database);

// Every ticket not in a terminal state, in one transaction of the caller's; returns how many
// rows changed (a sweep that finds nothing new writes nothing).
store::Result<std::int64_t> recompute_open_ticket_clocks(store::Database& database, calendar::Instant now);

}  // namespace madoguchi::server::tickets
