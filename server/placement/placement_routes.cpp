#include "placement/placement_routes.hpp"

#include "http/errors.hpp"
#include "http/query_params.hpp"
#include "http/transaction_reply.hpp"
#include "identity/principal.hpp"
#include "placement/placement_access.hpp"
#include "placement/placement_answers.hpp"
#include "placement/placement_progress.hpp"
#include "placement/placement_store.hpp"
#include "placement/placement_submit.hpp"

namespace madoguchi::server::placement {
namespace {

namespace domain = madoguchi::placement;
using http::Access;
using http::RequestContext;
using madoguchi::identity::Role;

std::variant<RequestFilter, api::ApiError> parse_filter(const httplib::Request& request) {
    RequestFilter filter;
    auto error = api::make_error("invalid_parameter");
    if (auto state = http::query_param(request, "state"); state && !state->empty()) {
        filter.state = domain::parse_request_state(*state);
        if (!filter.state) api::add_field(error, "state", "field.unknown_state");
    }
    if (auto kind = http::query_param(request, "kind"); kind && !kind->empty()) {
        filter.kind = domain::parse_kind(*kind);
        if (!filter.kind) api::add_field(error, "kind", "field.unknown_kind");
    }
    if (!error.fields.empty()) return error;
    return filter;
}

void list(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
          const RequestContext& context) {
    const auto filter = parse_filter(request);
    if (const auto* error = std::get_if<api::ApiError>(&filter)) return http::send_error(response, 400, *error);
    const auto& principal = *context.principal;
    auto answer = database.use([&](store::Database& connection) -> store::Result<nlohmann::json> {
        auto requests = list_requests(connection, std::get<RequestFilter>(filter));
        if (!requests) return store::Error{requests.error()};
        auto shown = nlohmann::json::array();
        for (const auto& item : requests.value()) {
            if (visible(principal, item)) shown.push_back(to_json(item));
        }
        nlohmann::json body{{"requests", shown}, {"total", shown.size()}};
        if (is_desk(principal)) {
            auto companies = vendor_companies(connection);
            if (!companies) return store::Error{companies.error()};
            body["vendor_companies"] = companies.value();
        }
        return body;
    });
    if (!answer) return http::send_failure(request, response, answer.error());
    http::send_json(response, 200, answer.value());
}

void detail(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
            const RequestContext& context) {
    const auto id = request_id_in_path(context, response);
    if (!id) return;
    const auto& principal = *context.principal;
    auto answer = database.use([&](store::Database& connection) -> store::Result<std::optional<nlohmann::json>> {
        auto found = find_request(connection, *id);
        if (!found) return store::Error{found.error()};
        // Another division's or company's request is as absent as a missing one.
        if (!found.value() || !visible(principal, *found.value())) return std::optional<nlohmann::json>();
        auto body = request_answer(connection, principal, *found.value());
        if (!body) return store::Error{body.error()};
        auto events = request_events(connection, *id);
        if (!events) return store::Error{events.error()};
        body.value()["events"] = events.value();
        return std::optional<nlohmann::json>(std::move(body.value()));
    });
    if (!answer) return http::send_failure(request, response, answer.error());
    if (!answer.value()) return http::send_error(response, 404, api::make_error("not_found"));
    http::send_json(response, 200, *answer.value());
}

}  // namespace

void add_placement_routes(http::Router& router, store::SharedDatabase& database) {
    const auto readers = Access::roles_of(
        {Role::manager, Role::desk_operator, Role::it_office, Role::auditor, Role::admin, Role::vendor});
    router.add({"GET", "/api/v1/placement-requests", "listPlacementRequests", readers,
                [&database](const httplib::Request& request, httplib::Response& response, const RequestContext& context) {
                    list(database, request, response, context);
                }});
    router.add({"POST", "/api/v1/placement-requests", "createPlacementRequest",
                Access::roles_of({Role::manager, Role::desk_operator}),
                [&database](const httplib::Request& request, httplib::Response& response, const RequestContext& context) {
                    submit_request(database, request, response, context);
                }});
    router.add({"GET", "/api/v1/placement-requests/{id}", "getPlacementRequest", readers,
                [&database](const httplib::Request& request, httplib::Response& response, const RequestContext& context) {
                    detail(database, request, response, context);
                }});
    // Each move checks the party on top (requester, desk, vendor): shared/placement/request_state.hpp.
    router.add({"POST", "/api/v1/placement-requests/{id}/transitions", "transitionPlacementRequest",
                Access::roles_of({Role::manager, Role::desk_operator, Role::vendor, Role::admin}),
                [&database](const httplib::Request& request, httplib::Response& response, const RequestContext& context) {
                    transition_request(database, request, response, context);
                }});
    router.add({"PATCH", "/api/v1/placement-requests/{id}/checklist/{key}", "updatePlacementChecklistItem",
                Access::roles_of({Role::desk_operator, Role::admin}),
                [&database](const httplib::Request& request, httplib::Response& response, const RequestContext& context) {
                    change_checklist_item(database, request, response, context);
                }});
}

}  // namespace madoguchi::server::placement
