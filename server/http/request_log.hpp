#pragma once
// One line per request on stderr: method, path, status, duration.
#include <httplib.h>

#include <string>

namespace madoguchi::server::http {

// Call when routing starts; the duration is measured from here.
void mark_request_start();
void log_request(const httplib::Request& request, const httplib::Response& response);
// A handler that failed with an exception: what it said, for the operator.
void log_request_failure(const httplib::Request& request, const std::string& what);

}  // namespace madoguchi::server::http
