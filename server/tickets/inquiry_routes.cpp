#include "tickets/inquiry_routes.hpp"

#include "audit/audit_log.hpp"
#include "http/errors.hpp"
#include "http/json_body.hpp"
#include "http/paging.hpp"
#include "http/request_log.hpp"
#include "idempotency/idempotent_route.hpp"
#include "identity/principal.hpp"
#include "identity/request_actor.hpp"
#include "tickets/inquiry_store.hpp"

namespace madoguchi::server {
namespace {

using idempotency::Answer;
using madoguchi::identity::Role;
using tickets::StoredInquiry;

Answer refusal(const api::ApiError& error, int status) { return Answer{status, api::to_json(error)}; }

// Staff see their own inquiries, managers also their division's, and the desk, the IT office,
// auditors and admins all of them.
tickets::Visibility visibility_of(const identity::Principal& principal) {
    const auto& roles = principal.user.fields.roles;
    const std::vector<Role> read_all{Role::desk_operator, Role::it_office, Role::auditor, Role::admin};
    tickets::Visibility visibility;
    visibility.everything = madoguchi::identity::has_any_role(roles, read_all);
    visibility.user_id = principal.user.id;
    if (madoguchi::identity::has_role(roles, Role::manager)) visibility.division = principal.user.fields.division_code;
    return visibility;
}

std::variant<Answer, idempotency::Write> prepare_inquiry(const httplib::Request& request,
                                                         const http::RequestContext& context) {
    const auto body = http::parse_json_body(request);
    if (const auto* refused = std::get_if<http::BodyRefusal>(&body)) return refusal(refused->error, refused->status);
    auto parsed = madoguchi::tickets::inquiry_from_json(std::get<nlohmann::json>(body));
    if (!parsed.problems.empty()) {
        return refusal(api::validation_error(parsed.problems), 422);
    }
    return idempotency::Write([inquiry = std::move(parsed.inquiry), actor = identity::actor_of(context),
                               requester = context.principal->user.id](store::Database& database) -> store::Result<Answer> {
        auto stored = tickets::insert_inquiry(database, inquiry, calendar::now(), requester);
        if (!stored) return store::Error{stored.error()};
        const auto document = tickets::to_json(stored.value());
        const audit::AuditEntry entry{actor, "inquiry.created", "inquiry", std::to_string(stored.value().id),
                                      std::nullopt, document};
        if (auto recorded = audit::record(database, entry); !recorded) return store::Error{recorded.error()};
        return Answer{201, {{"inquiry", document}}};
    });
}

void send_store_failure(const httplib::Request& request, httplib::Response& response, const std::string& what) {
    http::log_request_failure(request, what);
    http::send_error(response, 500, api::make_error("internal"));
}

}  // namespace

void add_inquiry_routes(http::Router& router, store::SharedDatabase& database) {
    // Vendors work on tasks assigned to them, not on staff inquiries; auditors only read.
    const auto senders = http::Access::roles_of({Role::staff, Role::manager, Role::desk_operator, Role::it_office, Role::admin});
    const auto readers = http::Access::roles_of(
        {Role::staff, Role::manager, Role::desk_operator, Role::it_office, Role::auditor, Role::admin});
    router.add({"POST", "/api/v1/inquiries", "createInquiry", senders, idempotency::idempotent(database, prepare_inquiry)});

    router.add({"GET", "/api/v1/inquiries", "listInquiries", readers,
                [&database](const httplib::Request& request, httplib::Response& response,
                            const http::RequestContext& context) {
                    const auto page = http::parse_page(request);
                    if (const auto* error = std::get_if<api::ApiError>(&page)) {
                        return http::send_error(response, 400, *error);
                    }
                    const auto& wanted = std::get<http::Page>(page);
                    const auto visibility = visibility_of(*context.principal);
                    // One lock for both reads, so the total matches the page.
                    auto listed = database.use([&](store::Database& connection) -> store::Result<nlohmann::json> {
                        auto inquiries = tickets::list_inquiries(connection, visibility, wanted.limit, wanted.offset);
                        if (!inquiries) return store::Error{inquiries.error()};
                        auto total = tickets::count_inquiries(connection, visibility);
                        if (!total) return store::Error{total.error()};
                        auto items = nlohmann::json::array();
                        for (const auto& inquiry : inquiries.value()) items.push_back(tickets::to_json(inquiry));
                        return nlohmann::json{{"inquiries", items}, {"total", total.value()}};
                    });
                    if (!listed) return send_store_failure(request, response, listed.error());
                    http::send_json(response, 200, listed.value());
                }});

    router.add({"GET", "/api/v1/inquiries/{id}", "getInquiry", readers,
                [&database](const httplib::Request& request, httplib::Response& response,
                            const http::RequestContext& context) {
                    const auto id = http::parse_id(context.params.at("id"));
                    if (const auto* error = std::get_if<api::ApiError>(&id)) {
                        return http::send_error(response, 400, *error);
                    }
                    // Someone else's inquiry is "not found": its existence is not theirs to learn.
                    // The attempt is still audited.
                    const auto wanted = std::get<std::int64_t>(id);
                    auto found = database.use([&](store::Database& connection) -> store::Result<std::optional<StoredInquiry>> {
                        auto visible = tickets::find_inquiry(connection, wanted, visibility_of(*context.principal));
                        if (!visible || visible.value()) return visible;
                        auto hidden = tickets::find_inquiry(connection, wanted, tickets::Visibility{true, 0, std::nullopt});
                        if (!hidden) return store::Error{hidden.error()};
                        if (!hidden.value()) return visible;
                        auto recorded = connection.transaction([&] {
                            return audit::record(connection, {identity::actor_of(context), "access.denied", "inquiry",
                                                              std::to_string(wanted), std::nullopt,
                                                              nlohmann::json{{"reason", "not_visible"}}});
                        });
                        if (!recorded) return store::Error{recorded.error()};
                        return visible;
                    });
                    if (!found) return send_store_failure(request, response, found.error());
                    if (!found.value()) return http::send_error(response, 404, api::make_error("not_found"));
                    http::send_json(response, 200, {{"inquiry", tickets::to_json(*found.value())}});
                }});
}

}  // namespace madoguchi::server
