#include "http/errors.hpp"

namespace madoguchi::server::http {

void send_json(httplib::Response& response, int status, const nlohmann::json& body) {
    response.status = status;
    // Replacement keeps invalid UTF-8 (e.g. echoed from a request) from throwing here.
    response.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), json_content_type);
}

void send_error(httplib::Response& response, int status, const api::ApiError& error) {
    send_json(response, status, api::to_json(error));
}

std::string_view error_code_for_status(int status) {
    switch (status) {
        case 404: return "not_found";
        case 405: return "method_not_allowed";
        case 413: return "payload_too_large";
        default: return status >= 500 ? "internal" : "bad_request";
    }
}

}  // namespace madoguchi::server::http
