#include "notifications/inbox_routes.hpp"

#include "http/errors.hpp"
#include "http/paging.hpp"
#include "http/query_params.hpp"
#include "http/transaction_reply.hpp"
#include "identity/principal.hpp"
#include "identity/request_actor.hpp"
#include "inventory/device_filters.hpp"
#include "notifications/inbox.hpp"

namespace madoguchi::server::notifications {
namespace {

using http::Reply;
using http::RequestContext;

std::variant<InboxQuery, api::ApiError> parse_query(const httplib::Request& request, const RequestContext& context) {
    InboxQuery query;
    query.user_id = context.principal->user.id;
    auto error = api::make_error("invalid_parameter");
    if (auto unread = http::query_param(request, "unread"); unread && !unread->empty()) {
        if (*unread == "true") {
            query.unread_only = true;
        } else if (*unread != "false") {
            api::add_field(error, "unread", "field.not_boolean");
        }
    }
    inventory::read_keyset_page(request, query.limit, query.after, error);
    if (!error.fields.empty()) return error;
    return query;
}

void list(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
          const RequestContext& context) {
    auto parsed = parse_query(request, context);
    if (const auto* error = std::get_if<api::ApiError>(&parsed)) return http::send_error(response, 400, *error);
    const auto& query = std::get<InboxQuery>(parsed);
    auto page = database.use([&](store::Database& connection) { return list_inbox(connection, query); });
    if (!page) return http::send_failure(request, response, page.error());
    auto items = nlohmann::json::array();
    for (const auto& entry : page.value().entries) items.push_back(to_json(entry));
    const auto& next = page.value().next;
    http::send_json(response, 200,
                    {{"notifications", items},
                     {"unread", page.value().unread},
                     {"next_cursor", next ? nlohmann::json(inventory::encode_cursor(*next)) : nlohmann::json(nullptr)}});
}

void read_one(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
              const RequestContext& context) {
    const auto id = http::parse_id(context.params.at("id"));
    if (const auto* error = std::get_if<api::ApiError>(&id)) return http::send_error(response, 400, *error);
    http::answer_in_transaction(database, request, response, [&](store::Database& connection) -> store::Result<Reply> {
        auto marked = mark_read(connection, context.principal->user.id, std::get<std::int64_t>(id),
                                identity::actor_of(context), calendar::now());
        if (!marked) return store::Error{marked.error()};
        if (!marked.value()) return http::refusal(404, api::make_error("not_found"));
        return Reply{204, {}};
    });
}

void read_all(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
              const RequestContext& context) {
    http::answer_in_transaction(database, request, response, [&](store::Database& connection) -> store::Result<Reply> {
        auto marked = mark_all_read(connection, context.principal->user.id, identity::actor_of(context), calendar::now());
        if (!marked) return store::Error{marked.error()};
        return Reply{204, {}};
    });
}

template <typename Handler>
http::RouteHandler bound(store::SharedDatabase& database, Handler handler) {
    return [&database, handler](const httplib::Request& request, httplib::Response& response,
                                const RequestContext& context) { handler(database, request, response, context); };
}

}  // namespace

void add_inbox_routes(http::Router& router, store::SharedDatabase& database) {
    // Every signed-in user has an inbox; each reads and marks only their own.
    router.add({"GET", "/api/v1/me/notifications", "listMyNotifications", http::Access::signed_in(), bound(database, list)});
    router.add({"POST", "/api/v1/me/notifications/{id}/read", "markMyNotificationRead", http::Access::signed_in(),
                bound(database, read_one)});
    router.add({"POST", "/api/v1/me/notifications/read-all", "markAllMyNotificationsRead", http::Access::signed_in(),
                bound(database, read_all)});
}

}  // namespace madoguchi::server::notifications
