#pragma once
// The sign-in settings of a server: session timeouts, throttling, cookie flags.
#include "identity/login_throttle.hpp"
#include "identity/session_store.hpp"

namespace madoguchi::server::identity {

struct IdentityConfig {
    SessionPolicy session;
    ThrottlePolicy throttle;
    // Set when the server is reached over TLS (through a terminating proxy): the cookie then
    // never travels over plain HTTP.
    bool secure_cookies = false;
};

}  // namespace madoguchi::server::identity
