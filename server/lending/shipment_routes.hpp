#pragma once
// 地方局への発送 (the desk):
//   POST /api/v1/lending/shipments {direction, request_id, tags, carrier, tracking_number,
//        sent_date}: outbound for an approved request shipped to a bureau, its devices
//        reserved → in_transit; return for a loan, its devices on_loan → in_transit. The
//        recipient and address come from the request.
//   POST /api/v1/lending/shipments/{id}/receipt {received_date, version}: outbound, the
//        devices in_transit → on_loan and the request → on_loan (the loan starts); return, the
//        arrival at the desk, the devices staying in_transit for the return inspection. 201: the
//        receipt is recorded.
//   GET  /api/v1/lending/shipments?direction=&state=&request= and …/{id}.
// Every device move goes through the ledger's state machine in the device's history; each
// write is audited in its transaction.
#include <httplib.h>

#include "http/router.hpp"
#include "store/database.hpp"

namespace madoguchi::server::lending {

void create_shipment(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
                     const http::RequestContext& context);
void receive_shipment(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
                      const http::RequestContext& context);
void list_shipments_route(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
                          const http::RequestContext& context);
void shipment_detail(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
                     const http::RequestContext& context);

}  // namespace madoguchi::server::lending
