#pragma once
// The lending counter's backend (窓口, the kiosk screen), the desk's only:
//   GET  /api/v1/lending/counter/people/{card}   the card's holder, their approved requests
//        that start by today (each device ready or not, and why) and their loans out (due
//        date, overdue and by how many days)
//   POST /api/v1/lending/counter/scan {card, tag, mode: handover|return, scanned?}   the
//        verdict on one scanned tag; nothing changes (counter_scan.hpp; a tag already in the
//        screen's `scanned` list is refused as already_scanned)
//   POST /api/v1/lending/counter/handovers {card, request_id, tags, counter_location_id,
//        version}   in one transaction every tag reserved → on loan, the request → on_loan
//        once all its devices are out, the handover (counter, operator, time, terms version);
//        answers the receipt. A tag refused by the verdict is 409 handover_refused naming
//        tags[i]; so is the second of two operators handing over the same device at once.
//   GET  /api/v1/lending/counter/handovers/{id}/receipt   the receipt again, for printing
// An unknown card is 404 unknown_staff_card, an unknown tag 404 unknown_asset_tag.
#include <httplib.h>

#include "http/router.hpp"
#include "store/database.hpp"

namespace madoguchi::server::lending {

void counter_person(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
                    const http::RequestContext& context);
void counter_scan(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
                  const http::RequestContext& context);
void hand_over(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
               const http::RequestContext& context);
void handover_receipt(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
                      const http::RequestContext& context);

}  // namespace madoguchi::server::lending
