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

// The body's routing: the 400 naming each member that is not what it should be, and the
// channel names that are none (422 with validate()'s problems: the JSON was well formed).
struct ParsedRouting {
    Routing routing;
    std::vector<validation::FieldProblem> channel_problems;
};

// One recipient: a bare string (told every way its kind has) or {"recipient", "channels"}.
RoutedRecipient parse_recipient(const nlohmann::json& item, const std::string& field, api::ApiError& error,
                                std::vector<validation::FieldProblem>& channel_problems) {
    namespace domain = madoguchi::notifications;
    if (item.is_string()) return {item.get<std::string>(), {}};
    if (!item.is_object()) {
        api::add_field(error, field, "field.not_recipient");
        return {};
    }
    http::BodyReader reader(item, {"recipient", "channels"});
    RoutedRecipient parsed{reader.string("recipient"), {}};
    const auto names = reader.optional_strings("channels");
    for (const auto& [member, reason] : reader.problems()) {
        api::add_field(error, member.empty() ? field : field + "." + member, reason);
    }
    if (!names) return parsed;
    if (!domain::names_users(parsed.recipient)) {
        channel_problems.push_back({field + ".channels", "field.channels_not_applicable"});
        return parsed;
    }
    const auto channels = domain::parse_route_channels(*names);
    for (const auto unknown : channels.unknown) {
        channel_problems.push_back({field + ".channels[" + std::to_string(unknown) + "]", "field.unknown_channel"});
    }
    parsed.channels = channels.channels;
    return parsed;
}

std::variant<ParsedRouting, api::ApiError> parse_routing(const nlohmann::json& body) {
    auto error = api::make_error("bad_request");
    ParsedRouting parsed;
    const auto routes = body.find("routes");
    if (routes == body.end() || !routes->is_array()) {
        api::add_field(error, "routes", routes == body.end() ? "field.required" : "field.not_array");
        return error;
    }
    for (std::size_t i = 0; i < routes->size(); ++i) {
        const auto field = std::string("routes[").append(std::to_string(i)).append("]");
        const auto& item = (*routes)[i];
        http::BodyReader reader(item, {"event", "recipients"});
        EventRoute route{reader.string("event"), {}};
        const nlohmann::json* recipients = nullptr;
        if (item.is_object()) {
            const auto found = item.find("recipients");
            if (found == item.end() || found->is_null()) {
                reader.add_problem("recipients", "field.required");
            } else if (!found->is_array()) {
                reader.add_problem("recipients", "field.not_array");
            } else {
                recipients = &*found;
            }
        }
        for (const auto& [member, reason] : reader.problems()) {
            api::add_field(error, member.empty() ? field : field + "." + member, reason);
        }
        for (std::size_t j = 0; recipients != nullptr && j < recipients->size(); ++j) {
            const auto recipient_field = field + ".recipients[" + std::to_string(j) + "]";
            route.recipients.push_back(parse_recipient((*recipients)[j], recipient_field, error, parsed.channel_problems));
        }
        parsed.routing.push_back(std::move(route));
    }
    if (!error.fields.empty()) return error;
    return parsed;
}

void replace_route(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
                   const RequestContext& context) {
    const auto object = http::json_object(request, response);
    if (!object) return;
    http::BodyReader reader(*object, {"routes"});
    if (auto refused = reader.refusal()) return http::send_error(response, refused->status, refused->error);
    auto parsed = parse_routing(*object);
    if (const auto* error = std::get_if<api::ApiError>(&parsed)) return http::send_error(response, 400, *error);
    const auto& routing = std::get<ParsedRouting>(parsed).routing;
    const auto& channel_problems = std::get<ParsedRouting>(parsed).channel_problems;
    auto problems = validate(routing);
    problems.insert(problems.end(), channel_problems.begin(), channel_problems.end());
    if (!problems.empty()) return http::send_error(response, 422, api::validation_error(problems));
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
