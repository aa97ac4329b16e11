#pragma once
// The audit trail for auditors and admins: /api/v1/audit (filtered, newest first),
// /api/v1/audit/export (CSV of a period; the export is itself audited) and /api/v1/audit/verify
// (the hash chain's state).
#include "http/router.hpp"
#include "store/database.hpp"

namespace madoguchi::server::audit {

void add_audit_routes(http::Router& router, store::SharedDatabase& database);

}  // namespace madoguchi::server::audit
