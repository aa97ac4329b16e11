#pragma once
// The one place that decides whether a request reaches its route:
//   1. a state-changing request from another site (Origin / Sec-Fetch-Site) → 403 cross_origin;
//   2. a route that needs sign-in without live credentials → 401 unauthenticated (clearing a
//      dead session cookie);
//   3. a state-changing request of a signed-in user without the session's X-CSRF-Token → 403
//      csrf_failed;
//   4. a user without any of the route's roles → 403 forbidden.
// Every refusal after sign-in is audited ("access.denied"); the route runs otherwise.
#include "http/client_address.hpp"
#include "http/router.hpp"
#include "identity/authenticator.hpp"
#include "store/database.hpp"

namespace madoguchi::server::identity {

inline constexpr const char* csrf_header = "X-CSRF-Token";

bool is_state_changing(const std::string& method);
// False for a browser request sent by another site's page.
bool is_same_origin(const httplib::Request& request);

class AccessGate {
public:
    AccessGate(store::SharedDatabase& database, Authenticator& authenticator, const http::TrustedProxies& proxies,
               bool secure_cookies)
        : database_(database), authenticator_(authenticator), proxies_(proxies), secure_cookies_(secure_cookies) {}

    void operator()(const http::Route& route, const httplib::Request& request, httplib::Response& response,
                    http::PathParams params) const;

private:
    void deny(const http::Route& route, const httplib::Request& request, httplib::Response& response,
              const Principal& principal, const std::string& address, const char* code) const;

    store::SharedDatabase& database_;
    Authenticator& authenticator_;
    const http::TrustedProxies& proxies_;
    bool secure_cookies_;
};

}  // namespace madoguchi::server::identity
