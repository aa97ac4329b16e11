#include "http/security_headers.hpp"

#include <string>

namespace madoguchi::server::http {

void add_security_headers(httplib::Response& response) {
    response.set_header("X-Content-Type-Options", "nosniff");
    response.set_header("Referrer-Policy", "no-referrer");
    response.set_header("Content-Security-Policy", std::string(content_security_policy));
}

}  // namespace madoguchi::server::http
