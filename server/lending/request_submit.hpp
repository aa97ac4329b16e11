#pragma once
// POST /api/v1/lending/requests: a loan request by the signed-in user, at any hour, safe to
// repeat under an Idempotency-Key (the client's offline drafts). Refusals in order: a body of
// the wrong shape 400; the form's checks against the class's rule 422 (the fields named);
// terms not current 409 terms_not_current (with the current terms); an overdue loan 409
// overdue_loans; beyond the holding limit 409 holding_limit_reached; no devices for the
// period 409 not_available with the earliest start that works.
#include "http/router.hpp"
#include "store/database.hpp"

namespace madoguchi::server::lending {

http::RouteHandler submit_route(store::SharedDatabase& database);

}  // namespace madoguchi::server::lending
