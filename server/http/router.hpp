#pragma once
// The API's route table: each route's method, path template, handler and the operationId
// that describes it in openapi/openapi.json (a test keeps the two in step).
#include <httplib.h>

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace madoguchi::server::http {

// Values of the {name} segments of a path template, by name.
using PathParams = std::map<std::string, std::string, std::less<>>;
using RouteHandler = std::function<void(const httplib::Request&, httplib::Response&, const PathParams&)>;

struct Route {
    std::string method;        // "GET", "POST", …; a GET route also answers HEAD
    std::string path;          // OpenAPI-style template, e.g. /api/v1/tickets/{id}
    std::string operation_id;  // its operation's operationId in openapi.json
    RouteHandler handler;
};

class Router {
public:
    // Add every route before the server starts: the table is read without locking.
    void add(Route route);
    const std::vector<Route>& routes() const { return routes_; }

    // Runs the route for the request's method and path. A known path asked with another
    // method gets 405 with an Allow header. False when no route has this path.
    bool dispatch(const httplib::Request& request, httplib::Response& response) const;

private:
    // The methods routed for this path, for the Allow header ("GET, HEAD, POST").
    std::string allowed_methods(std::string_view path) const;

    std::vector<Route> routes_;
};

}  // namespace madoguchi::server::http
