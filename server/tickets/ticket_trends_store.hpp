#pragma once
// The rows the trends read (shared/tickets/ticket_trends.hpp): the tickets created within a
// period and every security incident reported before its end, each with its state changes,
// the class of its first linked device and the hours its SLA clock counts in.
#include <vector>

#include "store/database.hpp"
#include "tickets/ticket_trends.hpp"

namespace madoguchi::server::tickets {

store::Result<std::vector<madoguchi::tickets::TrendTicket>> trend_tickets(store::Database& database,
                                                                        const madoguchi::tickets::TrendPeriod& period);

}  // namespace madoguchi::server::tickets
