#pragma once
// Who is making a request: the signed-in user and the session the request came with.
#include <string>

#include "identity/user_store.hpp"

namespace madoguchi::server::identity {

struct Principal {
    UserRecord user;
    std::string session_hash;  // the sessions row; empty for principals not from a cookie
    std::string csrf_token;    // what X-CSRF-Token must carry on state-changing requests
};

}  // namespace madoguchi::server::identity
