#include "telemetry/toner_order_routes.hpp"

#include "http/body_reader.hpp"
#include "http/errors.hpp"
#include "http/paging.hpp"
#include "http/query_params.hpp"
#include "http/transaction_reply.hpp"
#include "identity/principal.hpp"
#include "identity/request_actor.hpp"
#include "telemetry/toner_orders.hpp"

namespace madoguchi::server::telemetry {
namespace {

namespace domain = madoguchi::telemetry;
using http::Access;
using http::Reply;
using madoguchi::identity::Role;

// The company whose orders a vendor sees; empty for everyone else (all orders).
std::string company_scope(const http::RequestContext& context) {
    const auto& fields = context.principal->user.fields;
    const bool vendor_only = madoguchi::identity::has_role(fields.roles, Role::vendor) &&
                             !madoguchi::identity::has_role(fields.roles, Role::desk_operator) &&
                             !madoguchi::identity::has_role(fields.roles, Role::it_office) &&
                             !madoguchi::identity::has_role(fields.roles, Role::auditor) &&
                             !madoguchi::identity::has_role(fields.roles, Role::admin);
    // A vendor without a company sees nothing rather than everything.
    return vendor_only ? (fields.vendor_company.empty() ? std::string("\x1f") : fields.vendor_company) : std::string();
}

bool visible_to(const TonerOrderRow& order, const std::string& company) { return company.empty() || order.vendor_company == company; }

void list_orders(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
                 const http::RequestContext& context) {
    const auto page = http::parse_page(request);
    if (const auto* error = std::get_if<api::ApiError>(&page)) return http::send_error(response, 400, *error);
    OrderFilter filter;
    filter.limit = std::get<http::Page>(page).limit;
    filter.offset = std::get<http::Page>(page).offset;
    filter.vendor_company = company_scope(context);
    if (const auto state = http::query_param(request, "state")) {
        filter.state = domain::parse_order_state(*state);
        if (!filter.state) return http::send_error(response, 400, api::field_error("invalid_parameter", "state", "field.unknown_state"));
    }
    if (const auto open = http::query_param(request, "open")) {
        if (*open != "true" && *open != "false") {
            return http::send_error(response, 400, api::field_error("invalid_parameter", "open", "field.not_boolean"));
        }
        filter.open_only = *open == "true";
    }
    if (const auto device = http::query_param(request, "device_id")) {
        const auto id = http::parse_integer(*device);
        if (!id || *id < 1) return http::send_error(response, 400, api::field_error("invalid_parameter", "device_id", "field.not_positive"));
        filter.device_id = *id;
    }
    auto found = database.use([&](store::Database& connection) { return list_toner_orders(connection, filter); });
    if (!found) return http::send_failure(request, response, found.error());
    auto orders = nlohmann::json::array();
    for (const auto& order : found.value().orders) orders.push_back(to_json(order));
    http::send_json(response, 200,
                    {{"toner_orders", orders}, {"total", found.value().total}, {"limit", filter.limit}, {"offset", filter.offset}});
}

void get_order(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
               const http::RequestContext& context) {
    const auto id = http::parse_id(context.params.at("id"));
    if (const auto* error = std::get_if<api::ApiError>(&id)) return http::send_error(response, 400, *error);
    auto found = database.use([&](store::Database& connection) { return find_toner_order(connection, std::get<std::int64_t>(id)); });
    if (!found) return http::send_failure(request, response, found.error());
    if (!found.value() || !visible_to(*found.value(), company_scope(context))) {
        return http::send_error(response, 404, api::make_error("not_found"));
    }
    http::send_json(response, 200, {{"toner_order", to_json(*found.value())}});
}

void transition(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
                const http::RequestContext& context) {
    const auto id = http::parse_id(context.params.at("id"));
    if (const auto* error = std::get_if<api::ApiError>(&id)) return http::send_error(response, 400, *error);
    const auto object = http::json_object(request, response);
    if (!object) return;
    http::BodyReader reader(*object, {"to", "version"});
    const auto to_name = reader.string("to");
    const auto version = reader.integer("version");
    const auto to = domain::parse_order_state(to_name);
    if (!to) reader.add_problem("to", "field.unknown_state");  // after a missing or mistyped "to", which comes first
    if (auto refusal = reader.refusal()) return http::send_error(response, refusal->status, refusal->error);
    const auto actor = identity::actor_of(context);
    const auto company = company_scope(context);
    const auto& roles = context.principal->user.fields.roles;
    http::answer_in_transaction(database, request, response, [&](store::Database& connection) -> store::Result<Reply> {
        auto found = find_toner_order(connection, std::get<std::int64_t>(id));
        if (!found) return store::Error{found.error()};
        if (!found.value() || !visible_to(*found.value(), company)) return http::refusal(404, api::make_error("not_found"));
        const auto& before = *found.value();
        if (before.version != version) {
            auto body = api::to_json(api::make_error("stale_version"));
            body["toner_order"] = to_json(before);
            return Reply{409, body};
        }
        if (!domain::may_move(before.state, *to, roles)) {
            return http::refusal(409, api::field_error("transition_refused", "to", "field.order_transition_not_allowed"));
        }
        auto moved = move_toner_order(connection, before, *to, calendar::now());
        if (!moved) return store::Error{moved.error()};
        if (!moved.value()) return store::Error{"toner order " + std::to_string(before.id) + " changed inside the transaction"};
        auto after = find_toner_order(connection, before.id);
        if (!after) return store::Error{after.error()};
        const auto document = to_json(*after.value());
        const audit::AuditEntry entry{actor, "telemetry.toner_order." + std::string(domain::order_state_name(*to)), "toner_order",
                                      std::to_string(before.id), to_json(before), document};
        if (auto recorded = audit::record(connection, entry); !recorded) return store::Error{recorded.error()};
        return Reply{200, {{"toner_order", document}}};
    });
}

}  // namespace

void add_toner_order_routes(http::Router& router, store::SharedDatabase& database) {
    const auto readers = Access::roles_of({Role::desk_operator, Role::it_office, Role::vendor, Role::auditor, Role::admin});
    const auto movers = Access::roles_of({Role::desk_operator, Role::vendor, Role::admin});
    router.add({"GET", "/api/v1/telemetry/toner-orders", "listTonerOrders", readers,
                [&database](const httplib::Request& request, httplib::Response& response, const http::RequestContext& context) {
                    list_orders(database, request, response, context);
                }});
    router.add({"GET", "/api/v1/telemetry/toner-orders/{id}", "getTonerOrder", readers,
                [&database](const httplib::Request& request, httplib::Response& response, const http::RequestContext& context) {
                    get_order(database, request, response, context);
                }});
    router.add({"POST", "/api/v1/telemetry/toner-orders/{id}/transitions", "transitionTonerOrder", movers,
                [&database](const httplib::Request& request, httplib::Response& response, const http::RequestContext& context) {
                    transition(database, request, response, context);
                }});
}

}  // namespace madoguchi::server::telemetry
