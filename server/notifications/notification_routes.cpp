#include "notifications/notification_routes.hpp"

#include "audit/audit_log.hpp"
#include "http/body_reader.hpp"
#include "http/errors.hpp"
#include "http/paging.hpp"
#include "http/query_params.hpp"
#include "http/transaction_reply.hpp"
#include "identity/principal.hpp"
#include "identity/request_actor.hpp"
#include "notifications/outbox.hpp"
#include "notifications/outbox_delivery.hpp"
#include "notifications/template_store.hpp"

namespace madoguchi::server::notifications {
namespace {

namespace domain = madoguchi::notifications;
using http::Reply;
using http::RequestContext;
using madoguchi::identity::Role;

nlohmann::json template_json(const MessageTemplate& message_template) {
    auto json = domain::to_json(message_template);
    auto placeholders = nlohmann::json::array();
    if (const auto* event = domain::find_event(message_template.event)) {
        for (const auto name : event->placeholders) placeholders.push_back(name);
    }
    json["placeholders"] = placeholders;
    return json;
}

void list_templates_route(store::SharedDatabase& database, const httplib::Request& request,
                          httplib::Response& response) {
    auto listed = database.use([](store::Database& connection) { return list_templates(connection); });
    if (!listed) return http::send_failure(request, response, listed.error());
    auto templates = nlohmann::json::array();
    for (const auto& message_template : listed.value()) templates.push_back(template_json(message_template));
    http::send_json(response, 200, {{"templates", templates}});
}

void update_template_route(store::SharedDatabase& database, const httplib::Request& request,
                           httplib::Response& response, const RequestContext& context) {
    const auto& key = context.params.at("key");
    const auto* event = domain::find_event(key);
    if (event == nullptr) return http::send_error(response, 404, api::make_error("not_found"));
    const auto object = http::json_object(request, response);
    if (!object) return;
    http::BodyReader reader(*object, {"version", "subject_ja", "body_ja", "subject_en", "body_en"});
    // The version the admin edited: saving over a newer one would drop someone else's edit.
    const auto read_version = reader.integer("version");
    domain::TemplateText text{reader.string("subject_ja"), reader.string("body_ja"),
                              reader.optional_string("subject_en").value_or(""),
                              reader.optional_string("body_en").value_or("")};
    if (auto refused = reader.refusal()) return http::send_error(response, refused->status, refused->error);
    if (auto problems = domain::validate(*event, text); !problems.empty()) {
        return http::send_error(response, 422, api::validation_error(problems));
    }
    http::answer_in_transaction(database, request, response, [&](store::Database& connection) -> store::Result<Reply> {
        auto found = find_template(connection, key);
        if (!found) return store::Error{found.error()};
        if (!found.value()) return http::refusal(404, api::make_error("not_found"));
        const auto& before = *found.value();
        if (read_version != before.version) {
            auto stale = api::to_json(api::make_error("stale_version"));
            stale["template"] = template_json(before);
            return Reply{409, stale};
        }
        MessageTemplate after{before.event, before.version + 1, text, context.principal->user.fields.login,
                              calendar::format_iso8601_utc(calendar::now())};
        if (auto saved = save_template(connection, after); !saved) return store::Error{saved.error()};
        auto recorded = audit::record(connection, {identity::actor_of(context), "notification_template.updated",
                                                   "notification_template", key, domain::to_json(before),
                                                   domain::to_json(after)});
        if (!recorded) return store::Error{recorded.error()};
        return Reply{200, {{"template", template_json(after)}}};
    });
}

void list_outbox_route(store::SharedDatabase& database, const httplib::Request& request,
                       httplib::Response& response) {
    auto page = http::parse_page(request);
    auto* error = std::get_if<api::ApiError>(&page);
    std::optional<OutboxState> state;
    if (const auto text = http::query_param(request, "state")) {
        state = parse_state(*text);
        if (!state) {
            if (error == nullptr) page = api::make_error("invalid_parameter");
            error = std::get_if<api::ApiError>(&page);
            api::add_field(*error, "state", "field.unknown_outbox_state");
        }
    }
    if (error != nullptr) return http::send_error(response, 400, *error);
    const auto& wanted = std::get<http::Page>(page);
    auto listed = database.use([&](store::Database& connection) {
        return list_messages(connection, state, wanted.limit, wanted.offset);
    });
    if (!listed) return http::send_failure(request, response, listed.error());
    auto messages = nlohmann::json::array();
    for (const auto& message : listed.value()) messages.push_back(to_json(message));
    http::send_json(response, 200, {{"notifications", messages}});
}

void retry_route(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
                 const RequestContext& context) {
    const auto id = http::parse_id(context.params.at("id"));
    if (const auto* error = std::get_if<api::ApiError>(&id)) return http::send_error(response, 400, *error);
    http::answer_in_transaction(database, request, response, [&](store::Database& connection) {
        return retry_message(connection, std::get<std::int64_t>(id), identity::actor_of(context));
    });
}

}  // namespace

void add_notification_routes(http::Router& router, store::SharedDatabase& database) {
    router.add({"GET", "/api/v1/notifications/templates", "listNotificationTemplates",
                http::Access::roles_of({Role::it_office, Role::admin}),
                [&database](const httplib::Request& request, httplib::Response& response, const RequestContext&) {
                    list_templates_route(database, request, response);
                }});
    router.add({"PUT", "/api/v1/notifications/templates/{key}", "updateNotificationTemplate",
                http::Access::roles_of({Role::admin}),
                [&database](const httplib::Request& request, httplib::Response& response, const RequestContext& context) {
                    update_template_route(database, request, response, context);
                }});
    router.add({"GET", "/api/v1/notifications/outbox", "listNotificationOutbox",
                http::Access::roles_of({Role::desk_operator, Role::admin}),
                [&database](const httplib::Request& request, httplib::Response& response, const RequestContext&) {
                    list_outbox_route(database, request, response);
                }});
    router.add({"POST", "/api/v1/notifications/outbox/{id}/retry", "retryNotification",
                http::Access::roles_of({Role::desk_operator, Role::admin}),
                [&database](const httplib::Request& request, httplib::Response& response, const RequestContext& context) {
                    retry_route(database, request, response, context);
                }});
}

}  // namespace madoguchi::server::notifications
