#pragma once
// The API's route table: each route's method, path template, who may call it, its handler and
// the operationId that describes it in openapi/openapi.json (tests keep the two in step, and
// walk the table to check every role's access).
#include <httplib.h>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <span>
#include <string_view>
#include <vector>

#include "identity/role.hpp"

namespace madoguchi::server::identity {
struct Principal;
}

namespace madoguchi::server::http {

// Values of the {name} segments of a path template, by name.
using PathParams = std::map<std::string, std::string, std::less<>>;

// Who may call a route. Object-level checks (whose ticket is it?) come on top, in the handler.
// Built only through the named constructors, so a route written without its access does not
// compile (as an aggregate, brace elision would quietly turn a handler into `true`).
class Access {
public:
    static Access everyone() { return Access(false, {}); }
    // Any signed-in user.
    static Access signed_in() { return Access(true, {}); }
    static Access roles_of(std::vector<madoguchi::identity::Role> admitted) { return Access(true, std::move(admitted)); }

    bool requires_sign_in() const { return requires_sign_in_; }
    // Empty with requires_sign_in(): any signed-in user.
    const std::vector<madoguchi::identity::Role>& roles() const { return roles_; }
    bool admits(std::span<const madoguchi::identity::Role> held) const;

private:
    Access(bool requires_sign_in, std::vector<madoguchi::identity::Role> roles)
        : requires_sign_in_(requires_sign_in), roles_(std::move(roles)) {}

    bool requires_sign_in_;
    std::vector<madoguchi::identity::Role> roles_;
};

// What the access gate learned about the request, handed to the route.
struct RequestContext {
    PathParams params;
    // Null on routes open to everyone when nobody is signed in.
    const identity::Principal* principal = nullptr;
    std::string source_address;
};

using RouteHandler = std::function<void(const httplib::Request&, httplib::Response&, const RequestContext&)>;

// No JSON request needs more; routes that take files allow more (Route::max_body_bytes).
inline constexpr std::size_t default_body_limit = 1024 * 1024;

struct Route {
    std::string method;        // "GET", "POST", …; a GET route also answers HEAD
    std::string path;          // OpenAPI-style template, e.g. /api/v1/tickets/{id}
    std::string operation_id;  // its operation's operationId in openapi.json
    Access access;
    RouteHandler handler;
    std::size_t max_body_bytes = default_body_limit;  // a larger body gets 413
    // Answers a body over max_body_bytes in the route's stead, behind the same gate (e.g. to
    // audit the refusal with its sender); empty: a plain 413. The body may be unread, its
    // size only declared (declared_body_length).
    RouteHandler oversized = {};
};

// Decides whether the request may reach the route: runs the handler with the context it
// builds, or answers (401, 403) by itself.
using Gate = std::function<void(const Route&, const httplib::Request&, httplib::Response&, PathParams)>;

// The body's length as its Content-Length declares it: empty when absent or not a plain
// decimal number (httplib reads "abc" as 0 and "-1" as 2^64-1).
std::optional<std::uint64_t> declared_body_length(const httplib::Request& request);

class Router {
public:
    // Add every route before the server starts: the table is read without locking.
    void add(Route route);
    const std::vector<Route>& routes() const { return routes_; }
    // The largest body any route takes: what the HTTP server must read before routing.
    std::size_t largest_body_limit() const;

    // Hands the route for the request's method and path to the gate. A known path asked with
    // another method gets 405 with an Allow header. False when no route has this path.
    bool dispatch(const httplib::Request& request, httplib::Response& response, const Gate& gate) const;
    // For a body the HTTP server refused unread (over largest_body_limit()): hands it to its
    // route's `oversized` handler. False when no route takes it so (the caller answers 413).
    bool dispatch_oversized(const httplib::Request& request, httplib::Response& response, const Gate& gate) const;

private:
    // The methods routed for this path, for the Allow header ("GET, HEAD, POST").
    std::string allowed_methods(std::string_view path) const;
    // The route answering the request's method and path, with its path's values.
    const Route* find(const httplib::Request& request, PathParams& params) const;
    void refuse_oversized(const Route& route, const httplib::Request& request, httplib::Response& response,
                          PathParams params, const Gate& gate) const;

    std::vector<Route> routes_;
};

}  // namespace madoguchi::server::http
