#pragma once
// The audit trail's actor for a request: the signed-in user with the roles held, or
// "anonymous", and the source address.
#include "audit/audit_log.hpp"
#include "http/router.hpp"

namespace madoguchi::server::identity {

audit::Actor actor_of(const http::RequestContext& context);

}  // namespace madoguchi::server::identity
