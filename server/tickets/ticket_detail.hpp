#pragma once
// One ticket as its detail shows it to a reader, and the reading of it: the ticket, its
// timeline (internal notes only for the desk, auditors and admins), links, the moves open to
// the reader now, and the SLA clock. Changes answer with the same document.
#include <nlohmann/json.hpp>
#include <optional>

#include "calendar/tokyo_time.hpp"
#include "identity/principal.hpp"
#include "store/database.hpp"
#include "tickets/ticket_store.hpp"

namespace madoguchi::server::tickets {

store::Result<nlohmann::json> ticket_detail(store::Database& database, const identity::Principal& reader,
                                            const TicketRow& ticket, calendar::Instant now);

// The ticket when it exists and the reader may see it; another's ticket is as absent as a
// missing one.
store::Result<std::optional<TicketRow>> find_visible_ticket(store::Database& database, std::int64_t id,
                                                            const identity::Principal& reader);

}  // namespace madoguchi::server::tickets
