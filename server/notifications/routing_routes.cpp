#include "notifications/routing_routes.hpp"

#include "http/body_reader.hpp"
#include "http/errors.hpp"
#include "http/transaction_reply.hpp"
#include "identity/request_actor.hpp"
#include "notifications/notification_routing.hpp"

namespace madoguchi::server::notifications {
namespace {

using http::Reply;
using http::RequestContext;
using madoguchi::identity::Role;

void read_route(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response) {
    auto routing = database.use([](store::Database& connection) { return load_routing(connection); });
    if (!routing) return http::send_failure(request, response, routing.error());
    http::send_json(response, 200, to_json(routing.value()));
}

// The body's routes, or the 400 naming each member that is not what it should be.
std::variant<Routing, api::ApiError> parse_routing(const nlohmann::json& body) {
    auto error = api::make_error("bad_request");
    Routing routing;
    const auto routes = body.find("routes");
    if (routes == body.end() || !routes->is_array()) {
        api::add_field(error, "routes", routes == body.end() ? "field.required" : "field.not_array");
        return error;
    }
    for (std::size_t i = 0; i < routes->size(); ++i) {
        http::BodyReader reader((*routes)[i], {"event", "recipients"});
        EventRoute route{reader.string("event"), reader.strings("recipients")};
        for (const auto& [field, reason] : reader.problems()) {
            auto name = std::string("routes[").append(std::to_string(i)).append("]");
            if (!field.empty()) name.append(".").append(field);
            api::add_field(error, name, reason);
        }
        routing.push_back(std::move(route));
    }
    if (!error.fields.empty()) return error;
    return routing;
}

void replace_route(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
                   const RequestContext& context) {
    const auto object = http::json_object(request, response);
    if (!object) return;
    http::BodyReader reader(*object, {"routes"});
    if (auto refused = reader.refusal()) return http::send_error(response, refused->status, refused->error);
    auto parsed = parse_routing(*object);
    if (const auto* error = std::get_if<api::ApiError>(&parsed)) return http::send_error(response, 400, *error);
    const auto& routing = std::get<Routing>(parsed);
    if (auto problems = validate(routing); !problems.empty()) {
        return http::send_error(response, 422, api::validation_error(problems));
    }
    http::answer_in_transaction(database, request, response, [&](store::Database& connection) -> store::Result<Reply> {
        auto before = load_routing(connection);
        if (!before) return store::Error{before.error()};
        if (auto saved = save_routing(connection, routing); !saved) return store::Error{saved.error()};
        auto after = load_routing(connection);
        if (!after) return store::Error{after.error()};
        auto recorded = audit::record(connection, {identity::actor_of(context), "notification_routing.updated",
                                                   "notification_routing", "routing", to_json(before.value()),
                                                   to_json(after.value())});
        if (!recorded) return store::Error{recorded.error()};
        return Reply{200, to_json(after.value())};
    });
}

}  // namespace

void add_routing_routes(http::Router& router, store::SharedDatabase& database) {
    router.add({"GET", "/api/v1/notifications/routing", "getNotificationRouting",
                http::Access::roles_of({Role::it_office, Role::admin}),
                [&database](const httplib::Request& request, httplib::Response& response, const RequestContext&) {
                    read_route(database, request, response);
                }});
    router.add({"PUT", "/api/v1/notifications/routing", "updateNotificationRouting", http::Access::roles_of({Role::admin}),
                [&database](const httplib::Request& request, httplib::Response& response, const RequestContext& context) {
                    replace_route(database, request, response, context);
                }});
}

}  // namespace madoguchi::server::notifications
