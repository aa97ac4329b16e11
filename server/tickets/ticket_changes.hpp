#pragma once
// The writes on an existing ticket, each in one transaction with its timeline event, the
// recomputed SLA clock and its audit record, each answering the ticket's detail:
//   POST  /tickets/{id}/transitions  a workflow move (409 with the allowed targets, 403 for an
//                                    approval by another role, 422 without a needed comment)
//   POST  /tickets/{id}/notes        a public or internal note; the desk's first public one
//                                    is the first response
//   PATCH /tickets/{id}              assignee, vendor company, priority, category, escalation
//   POST  /tickets/{id}/links        another ticket, a device or a configuration item
//   DELETE /tickets/{id}/links/{link_id}  removes one (404 for a link the ticket has not)
// A stale version answers 409 stale_version with the current ticket. A refusal writes nothing
// but its audit record (ticket.refused: the path, status and error).
#include <httplib.h>

#include "http/router.hpp"
#include "store/database.hpp"

namespace madoguchi::server::tickets {

void transition_ticket(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
                       const http::RequestContext& context);
void add_ticket_note(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
                     const http::RequestContext& context);
void update_ticket_fields(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
                          const http::RequestContext& context);
void link_ticket(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
                 const http::RequestContext& context);
void unlink_ticket(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
                   const http::RequestContext& context);

}  // namespace madoguchi::server::tickets
