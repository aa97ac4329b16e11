#pragma once
// POST /api/v1/lending/counter/returns {tag, findings: {damaged, damage_description,
// missing_accessories}, counter_location_id, card?}: a device comes back, at the counter or
// by post from a regional bureau (in transit; the counter is then optional). The inspection
// (shared/lending/return_inspection.hpp) decides: the device goes to kitting with a
// re-kitting task, or to repair with a repair ticket (an incident of category device, for
// the borrower, linked to the device) opened through the ticket engine; missing accessories
// are recorded with the return; the request becomes returned once all its devices are back.
// Audited with the counter and operator; answers the return receipt. A device that is not
// out on loan (or not the card holder's) is 409 return_refused; bad findings 422.
#include <httplib.h>

#include "http/router.hpp"
#include "store/database.hpp"

namespace madoguchi::server::lending {

void take_back(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
               const http::RequestContext& context);

}  // namespace madoguchi::server::lending
