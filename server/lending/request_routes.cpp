#include "lending/request_routes.hpp"

#include "http/errors.hpp"
#include "http/paging.hpp"
#include "http/query_params.hpp"
#include "http/transaction_reply.hpp"
#include "lending/lending_access.hpp"
#include "lending/request_store.hpp"

namespace madoguchi::server::lending {

void list(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
          const http::RequestContext& context) {
    RequestFilter filter;
    auto error = api::make_error("invalid_parameter");
    if (auto state = http::query_param(request, "state"); state && !state->empty()) {
        filter.state = madoguchi::lending::parse_request_state(*state);
        if (!filter.state) api::add_field(error, "state", "field.unknown_state");
    }
    if (auto class_code = http::query_param(request, "class"); class_code && !class_code->empty()) {
        filter.class_code = *class_code;
    }
    if (auto extension = http::query_param(request, "extension"); extension && !extension->empty()) {
        if (*extension == "pending") {
            filter.extension_pending = true;
        } else {
            api::add_field(error, "extension", "field.unknown_extension_filter");
        }
    }
    if (!error.fields.empty()) return http::send_error(response, 400, error);
    restrict(*context.principal, filter);
    auto rows = database.use([&](store::Database& connection) { return list_requests(connection, filter); });
    if (!rows) return http::send_failure(request, response, rows.error());
    auto items = nlohmann::json::array();
    for (const auto& row : rows.value()) items.push_back(to_json(row));
    http::send_json(response, 200, {{"requests", items}, {"total", items.size()}});
}

void detail(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
            const http::RequestContext& context) {
    const auto id = http::parse_id(context.params.at("id"));
    if (const auto* error = std::get_if<api::ApiError>(&id)) return http::send_error(response, 400, *error);
    auto found = database.use([&](store::Database& connection) { return find_request(connection, std::get<std::int64_t>(id)); });
    if (!found) return http::send_failure(request, response, found.error());
    if (!found.value() || !visible(*context.principal, *found.value())) {
        return http::send_error(response, 404, api::make_error("not_found"));
    }
    http::send_json(response, 200, {{"request", to_json(*found.value())}});
}

}  // namespace madoguchi::server::lending
