#pragma once
// GET /api/v1/lending/availability?class=&from=&to=&location= (Tokyo dates, at most 366 days;
// from defaults to today, to to four weeks later): per day, the devices of the class (at the
// pickup location when given) that can be lent, are kept, and come back:
// {"class","location_id","devices","days":[{"date","available","held","returning"}]}.
#include <httplib.h>

#include "http/router.hpp"
#include "store/database.hpp"

namespace madoguchi::server::lending {

void availability(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
                  const http::RequestContext& context);

}  // namespace madoguchi::server::lending
