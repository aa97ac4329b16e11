#include "identity/request_actor.hpp"

#include "identity/principal.hpp"

namespace madoguchi::server::identity {

audit::Actor actor_of(const http::RequestContext& context) {
    if (context.principal == nullptr) return {"anonymous", "", context.source_address};
    const auto& fields = context.principal->user.fields;
    return {fields.login, madoguchi::identity::join_roles(fields.roles), context.source_address};
}

}  // namespace madoguchi::server::identity
