#pragma once
// 安全在庫 (safety stock):
//   GET /api/v1/lending/stock?weeks=8&class= (1–26 weeks): each pool's devices free now and
//       the lowest number free in each coming week (stock_projection.hpp).
//   GET /api/v1/lending/stock/thresholds; PUT the same {"thresholds":[{class, location_id,
//       minimum}]} (admins) replaces them all, audited.
//   PUT /api/v1/lending/repair-returns/{tag} {expected_on} (the desk): when a device in
//       repair is expected back; from that day it counts in its pools again.
#include <httplib.h>

#include "http/router.hpp"
#include "store/database.hpp"

namespace madoguchi::server::lending {

void get_stock(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
               const http::RequestContext& context);
void get_thresholds(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
                    const http::RequestContext& context);
void replace_thresholds(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
                        const http::RequestContext& context);
void set_repair_return_route(store::SharedDatabase& database, const httplib::Request& request,
                             httplib::Response& response, const http::RequestContext& context);

}  // namespace madoguchi::server::lending
