#pragma once
// 紛失・盗難 (lost and stolen):
//   POST /api/v1/lending/loss-reports {tag, kind, occurred_at, place, circumstances,
//        replacement} by the borrower, or by the desk or the IT office on their behalf
//        (Idempotency-Key: the offline form submits once). The device on loan (or in transit
//        to the bureau) goes lost or stolen through the ledger's state machine; a security
//        incident ticket is opened in the borrower's name, linked to the device (the ticket
//        engine tells the IT office at once); a GSS terminal's report and ticket carry the
//        remote-wipe request (リモートワイプ依頼). The loan ends for that device: with none left
//        the request becomes `lost`, otherwise the device leaves the request. `replacement`
//        (the desk only) issues a replacement loan in the same call; when none is free the
//        report still stands and the answer says why (replacement_refusal).
//   POST …/loss-reports/{id}/replacement {version} (the desk): the replacement afterwards.
//   GET  …/loss-reports and …/{id}: the desk, the IT office, auditors and admins all;
//        others the ones they borrowed or reported (another's is a 404).
#include <httplib.h>

#include "http/router.hpp"
#include "store/database.hpp"

namespace madoguchi::server::lending {

http::RouteHandler loss_report_route(store::SharedDatabase& database);
void replace_lost_device(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
                         const http::RequestContext& context);
void list_loss_reports_route(store::SharedDatabase& database, const httplib::Request& request,
                             httplib::Response& response, const http::RequestContext& context);
void loss_report_detail(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
                        const http::RequestContext& context);

}  // namespace madoguchi::server::lending
