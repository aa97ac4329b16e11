#include "http/transaction_reply.hpp"

#include "http/errors.hpp"
#include "http/json_body.hpp"
#include "http/request_log.hpp"

namespace madoguchi::server::http {

void send_failure(const httplib::Request& request, httplib::Response& response, const std::string& what) {
    log_request_failure(request, what);
    send_error(response, 500, api::make_error("internal"));
}

void answer_in_transaction(store::SharedDatabase& database, const httplib::Request& request,
                           httplib::Response& response,
                           const std::function<store::Result<Reply>(store::Database&)>& body) {
    std::optional<Reply> reply;
    auto committed = database.use([&](store::Database& connection) {
        return connection.transaction([&]() -> store::Status {
            auto result = body(connection);
            if (!result) return store::Error{result.error()};
            reply = std::move(result.value());
            if (reply->status >= 400) return store::Error{"refused"};
            return store::success();
        });
    });
    if (reply && reply->status >= 400) return send_json(response, reply->status, reply->body);
    if (!committed) return send_failure(request, response, committed.error());
    if (reply->status == 204) {
        response.status = 204;
        return;
    }
    send_json(response, reply->status, reply->body);
}

std::optional<nlohmann::json> json_object(const httplib::Request& request, httplib::Response& response) {
    auto body = parse_json_body(request);
    if (const auto* refusal = std::get_if<BodyRefusal>(&body)) {
        send_error(response, refusal->status, refusal->error);
        return std::nullopt;
    }
    return std::move(std::get<nlohmann::json>(body));
}

}  // namespace madoguchi::server::http
