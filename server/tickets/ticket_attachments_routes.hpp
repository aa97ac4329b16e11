#pragma once
// Attachments of a ticket, for whoever sees the ticket (another's ticket is a 404):
//   POST /tickets/{id}/attachments?file_name=&visibility=   the file as the raw body with its
//        Content-Type; over 10 MB → 413, a type the desk does not keep or bytes that are not
//        what the type says → 415; internal ones only by the desk. Audited as
//        ticket.attached and shown in the timeline (an internal one to the desk only).
//   GET  /tickets/{id}/attachments                          the list the reader may see
//   GET  /tickets/{id}/attachments/{attachment}/content     the bytes
#include "http/router.hpp"
#include "store/database.hpp"

namespace madoguchi::server::tickets {

void add_ticket_attachment_routes(http::Router& router, store::SharedDatabase& database);

}  // namespace madoguchi::server::tickets
