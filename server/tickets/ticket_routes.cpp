#include "tickets/ticket_routes.hpp"

#include "http/errors.hpp"
#include "http/paging.hpp"
#include "http/query_params.hpp"
#include "http/transaction_reply.hpp"
#include "identity/principal.hpp"
#include "identity/user_store.hpp"
#include "inventory/device_filters.hpp"
#include "tickets/ticket_access.hpp"
#include "tickets/ticket_changes.hpp"
#include "tickets/ticket_create.hpp"
#include "tickets/ticket_detail.hpp"

namespace madoguchi::server::tickets {
namespace {

namespace domain = madoguchi::tickets;
using http::Access;
using http::RequestContext;
using madoguchi::identity::Role;

constexpr int default_page = 50;

struct ListRequest {
    TicketQuery query;
    std::string assignee_login;  // resolved to an id under the lock
    bool mine = false;
};

std::optional<bool> flag(const httplib::Request& request, const std::string& name, api::ApiError& error) {
    const auto value = http::query_param(request, name);
    if (!value || value->empty()) return std::nullopt;
    if (*value == "true") return true;
    if (*value == "false") return false;
    api::add_field(error, name, "field.not_boolean");
    return std::nullopt;
}

std::variant<ListRequest, api::ApiError> parse_list(const httplib::Request& request) {
    ListRequest list;
    auto& query = list.query;
    auto error = api::make_error("invalid_parameter");
    query.text = http::query_param(request, "q").value_or("");
    if (auto kind = http::query_param(request, "kind"); kind && !kind->empty()) {
        query.kind = domain::parse_kind(*kind);
        if (!query.kind) api::add_field(error, "kind", "field.unknown_kind");
    }
    if (auto state = http::query_param(request, "state"); state && !state->empty()) {
        query.state = domain::parse_ticket_state(*state);
        if (!query.state) api::add_field(error, "state", "field.unknown_state");
    }
    list.assignee_login = http::query_param(request, "assignee").value_or("");
    list.mine = flag(request, "mine", error).value_or(false);
    query.breached = flag(request, "breached", error);
    const auto sort = http::query_param(request, "sort").value_or("-created_at");
    if (sort == "created_at") {
        query.sort = TicketSort::created;
    } else if (sort == "-created_at") {
        query.sort = TicketSort::created_descending;
    } else if (sort == "sla_due_at") {
        query.sort = TicketSort::due;
    } else if (sort == "-sla_due_at") {
        query.sort = TicketSort::due_descending;
    } else {
        api::add_field(error, "sort", "field.unknown_sort");
    }
    query.limit = default_page;
    inventory::read_keyset_page(request, query.limit, query.after, error);
    if (!error.fields.empty()) return error;
    return list;
}

void list(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
          const RequestContext& context) {
    auto parsed = parse_list(request);
    if (const auto* error = std::get_if<api::ApiError>(&parsed)) return http::send_error(response, 400, *error);
    auto wanted = std::get<ListRequest>(std::move(parsed));
    auto& query = wanted.query;
    query.scope = scope_of(*context.principal);
    if (wanted.mine) query.assignee_user_id = context.principal->user.id;
    bool unknown_assignee = false;
    auto page = database.use([&](store::Database& connection) -> store::Result<TicketPage> {
        if (!wanted.assignee_login.empty()) {
            auto assignee = identity::find_user_by_login(connection, wanted.assignee_login);
            if (!assignee) return store::Error{assignee.error()};
            unknown_assignee = !assignee.value();
            if (unknown_assignee) return TicketPage{};
            query.assignee_user_id = assignee.value()->id;
        }
        return list_tickets(connection, query);
    });
    if (!page) return http::send_failure(request, response, page.error());
    if (unknown_assignee) {
        auto error = api::make_error("invalid_parameter");
        api::add_field(error, "assignee", "field.unknown_user");
        return http::send_error(response, 400, error);
    }
    auto tickets = nlohmann::json::array();
    for (const auto& ticket : page.value().tickets) tickets.push_back(to_json(ticket));
    const auto& next = page.value().next;
    http::send_json(response, 200,
                    {{"tickets", tickets},
                     {"total", page.value().total},
                     {"total_capped", page.value().total_capped},
                     {"next_cursor", next ? nlohmann::json(inventory::encode_cursor(*next)) : nlohmann::json(nullptr)}});
}

void detail(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
            const RequestContext& context) {
    const auto id = http::parse_id(context.params.at("id"));
    if (const auto* error = std::get_if<api::ApiError>(&id)) return http::send_error(response, 400, *error);
    bool shown = false;
    auto document = database.use([&](store::Database& connection) -> store::Result<nlohmann::json> {
        auto found = find_visible_ticket(connection, std::get<std::int64_t>(id), *context.principal);
        if (!found) return store::Error{found.error()};
        shown = found.value().has_value();
        if (!shown) return nlohmann::json();
        return ticket_detail(connection, *context.principal, *found.value(), calendar::now());
    });
    if (!document) return http::send_failure(request, response, document.error());
    if (!shown) return http::send_error(response, 404, api::make_error("not_found"));
    http::send_json(response, 200, document.value());
}

template <typename Handler>
http::RouteHandler bound(store::SharedDatabase& database, Handler handler) {
    return [&database, handler](const httplib::Request& request, httplib::Response& response,
                                const RequestContext& context) { handler(database, request, response, context); };
}

}  // namespace

void add_ticket_routes(http::Router& router, store::SharedDatabase& database) {
    // Admins keep the system, not its tickets: they read, as auditors do. Each kind's own
    // creators and movers are the workflow's (shared/tickets/workflow.hpp).
    const auto readers = Access::roles_of({Role::staff, Role::manager, Role::desk_operator, Role::it_office,
                                           Role::vendor, Role::auditor, Role::admin});
    const auto creators = Access::roles_of({Role::staff, Role::manager, Role::desk_operator, Role::it_office});
    const auto movers = Access::roles_of({Role::staff, Role::desk_operator, Role::it_office, Role::vendor});
    const auto writers = Access::roles_of({Role::staff, Role::manager, Role::desk_operator, Role::it_office, Role::vendor});
    const auto desk = Access::roles_of({Role::desk_operator, Role::it_office});
    router.add({"GET", "/api/v1/tickets", "listTickets", readers, bound(database, list)});
    router.add({"POST", "/api/v1/tickets", "createTicket", creators, idempotency::idempotent(database, prepare_ticket)});
    router.add({"GET", "/api/v1/tickets/{id}", "getTicket", readers, bound(database, detail)});
    router.add({"PATCH", "/api/v1/tickets/{id}", "updateTicket", desk, bound(database, update_ticket_fields)});
    router.add({"POST", "/api/v1/tickets/{id}/transitions", "transitionTicket", movers, bound(database, transition_ticket)});
    router.add({"POST", "/api/v1/tickets/{id}/notes", "addTicketNote", writers, bound(database, add_ticket_note)});
    router.add({"POST", "/api/v1/tickets/{id}/links", "linkTicket", desk, bound(database, link_ticket)});
    router.add({"DELETE", "/api/v1/tickets/{id}/links/{link_id}", "unlinkTicket", desk, bound(database, unlink_ticket)});
}

}  // namespace madoguchi::server::tickets
