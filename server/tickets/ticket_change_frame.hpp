#pragma once
// The frame every write on an existing ticket shares, in one transaction: the visible ticket
// or 404, the change the route decides, the write under the version read, the timeline event,
// the SLA clock stored again, the audit record, the notifications the routing names
// (ticket_notify.hpp) and the ticket's detail as the answer. A refusal rolls the change back
// and is audited apart as ticket.refused (the path, status and error).
#include <httplib.h>

#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <variant>

#include "calendar/tokyo_time.hpp"
#include "http/router.hpp"
#include "http/transaction_reply.hpp"
#include "store/database.hpp"
#include "tickets/ticket_store.hpp"

namespace madoguchi::server::tickets {

struct Change {
    const http::RequestContext& context;
    TicketRow before;
    calendar::Instant now;
};

// What a change leaves to record: the row to write (or none, for notes and links), the event.
struct Outcome {
    std::optional<TicketRow> after;
    TicketEvent event;
    std::string action;  // audit action: "ticket.transitioned"
    nlohmann::json detail_extra = nlohmann::json::object();
    int status = 200;
};

using Decision = std::variant<Outcome, http::Reply>;
using ChangeBody = std::function<store::Result<Decision>(store::Database&, const Change&)>;

// 409 stale_version with the ticket as it is now.
http::Reply stale(const TicketRow& current);

// Answers a request on the path's ticket refused before any change began, audited as
// run_change audits its refusals (ticket.refused: the path, the status and the error, and
// `detail`'s members beside them) in a small transaction of its own.
void refuse_audited(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
                    const http::RequestContext& context, const http::Reply& reply,
                    const nlohmann::json& detail = nlohmann::json::object());

// Runs `body` on the ticket of the path's {id} inside the frame above.
void run_change(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
                const http::RequestContext& context, const ChangeBody& body);

}  // namespace madoguchi::server::tickets
