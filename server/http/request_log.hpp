#pragma once
// The request log: one line per request, on stderr (method, path, status, duration) or, with
// serve --log-file, as JSON lines in a rotating file. Neither ever holds a query string, a
// header or a body, so no password, token or cookie reaches a log.
#include <httplib.h>

#include <string>
#include <string_view>

namespace madoguchi::server::http {

// Call when routing starts; the duration is measured from here.
void mark_request_start();
// The signed-in user of the request in progress (the access gate knows it), for the log.
void note_request_user(std::string_view login);

void log_request(const httplib::Request& request, const httplib::Response& response);
// {"time","method","path","status","duration_ms","user","address"}; user is null when
// nobody signed in; `address` is the client's (client_address.hpp).
std::string request_log_json(const httplib::Request& request, const httplib::Response& response,
                             const std::string& address);

// A handler that failed with an exception: what it said, for the operator.
void log_request_failure(const httplib::Request& request, const std::string& what);

}  // namespace madoguchi::server::http
