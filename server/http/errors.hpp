#pragma once
// JSON responses and the API's one error shape ({"error":{"code","message","message_ja","fields"}}).
#include <httplib.h>

#include <nlohmann/json.hpp>
#include <string_view>

#include "api/api_error.hpp"

namespace madoguchi::server::http {

inline constexpr const char* json_content_type = "application/json; charset=utf-8";

void send_json(httplib::Response& response, int status, const nlohmann::json& body);
void send_error(httplib::Response& response, int status, const api::ApiError& error);

// The error code for a status httplib decided by itself (unknown path, body too large, …).
std::string_view error_code_for_status(int status);

}  // namespace madoguchi::server::http
