#pragma once
// A route's work in one transaction: the body decides an answer; a refusal (4xx) rolls the
// transaction back, so a refused request never leaves half a change, and a store failure is a
// logged 500 that tells the client nothing internal.
#include <httplib.h>

#include <functional>
#include <nlohmann/json.hpp>
#include <optional>

#include "api/api_error.hpp"
#include "store/database.hpp"

namespace madoguchi::server::http {

struct Reply {
    int status = 200;
    nlohmann::json body;  // unused for 204
};

inline Reply refusal(int status, const api::ApiError& error) { return {status, api::to_json(error)}; }

void answer_in_transaction(store::SharedDatabase& database, const httplib::Request& request,
                           httplib::Response& response,
                           const std::function<store::Result<Reply>(store::Database&)>& body);

// The request failed in the store: logged for the operator, a plain 500 for the client.
void send_failure(const httplib::Request& request, httplib::Response& response, const std::string& what);

// The request's JSON object, or empty after the refusal (400/413/415) was sent.
std::optional<nlohmann::json> json_object(const httplib::Request& request, httplib::Response& response);

}  // namespace madoguchi::server::http
