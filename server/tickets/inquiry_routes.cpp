#include "tickets/inquiry_routes.hpp"

#include "audit/audit_log.hpp"
#include "http/errors.hpp"
#include "http/json_body.hpp"
#include "http/paging.hpp"
#include "http/query_params.hpp"
#include "http/transaction_reply.hpp"
#include "idempotency/idempotent_route.hpp"
#include "identity/principal.hpp"
#include "identity/request_actor.hpp"
#include "tickets/inquiry_store.hpp"
#include "tickets/ticket_access.hpp"
#include "tickets/ticket_create.hpp"

namespace madoguchi::server {
namespace {

namespace domain = madoguchi::tickets;
using idempotency::Answer;
using madoguchi::identity::Role;
using tickets::StoredInquiry;
using tickets::TicketScope;

Answer refusal(const api::ApiError& error, int status) { return Answer{status, api::to_json(error)}; }

// The form's fields as a ticket: 件名 is the title; the priority is the desk's default.
tickets::Creation creation_of(const domain::Inquiry& inquiry) {
    tickets::Creation creation;
    creation.draft = {"inquiry", inquiry.subject, inquiry.body, inquiry.category, {}, {}, {}};
    return creation;
}

store::Result<Answer> create_inquiry(store::Database& database, const domain::Inquiry& inquiry,
                                     const identity::Principal& principal, const audit::Actor& actor) {
    auto creation = creation_of(inquiry);
    creation.basics = *domain::basics_of(creation.draft);
    auto written = tickets::write_ticket(database, creation, principal, actor, calendar::now());
    if (!written) return store::Error{written.error()};
    if (const auto* refused = std::get_if<Answer>(&written.value())) return *refused;
    const auto& ticket = std::get<tickets::TicketRow>(written.value());
    if (auto stored = tickets::insert_inquiry_contact(database, ticket.id, inquiry); !stored) {
        return store::Error{stored.error()};
    }
    auto found = tickets::find_inquiry(database, ticket.id, TicketScope{true, {}, {}, {}});
    if (!found) return store::Error{found.error()};
    if (!found.value()) return store::Error{"inquiry " + ticket.number + " cannot be read back"};
    auto audited = tickets::to_json(ticket);
    audited["contact"] = {{"requester_name", inquiry.requester_name},
                          {"division", inquiry.division},
                          {"contact", inquiry.contact}};
    const audit::AuditEntry entry{actor, "ticket.created", "ticket", std::to_string(ticket.id), std::nullopt, audited};
    if (auto recorded = audit::record(database, entry); !recorded) return store::Error{recorded.error()};
    return Answer{201, {{"inquiry", tickets::to_json(*found.value())}}};
}

std::variant<Answer, idempotency::Write> prepare_inquiry(const httplib::Request& request,
                                                         const http::RequestContext& context) {
    const auto body = http::parse_json_body(request);
    if (const auto* refused = std::get_if<http::BodyRefusal>(&body)) return refusal(refused->error, refused->status);
    auto parsed = domain::inquiry_from_json(std::get<nlohmann::json>(body));
    if (!parsed.problems.empty()) return refusal(api::validation_error(parsed.problems), 422);
    // The inquiry's own checks cover the ticket's (title, body, category) with the same limits.
    if (const auto problems = domain::validate(creation_of(parsed.inquiry).draft); !problems.empty()) {
        return refusal(api::validation_error(problems), 422);
    }
    return idempotency::Write([inquiry = std::move(parsed.inquiry), actor = identity::actor_of(context),
                               principal = *context.principal](store::Database& database) {
        return create_inquiry(database, inquiry, principal, actor);
    });
}

// ?mine=true narrows any reader to the inquiries they asked themselves.
std::variant<TicketScope, api::ApiError> scope_of_request(const httplib::Request& request,
                                                          const identity::Principal& principal) {
    const auto mine = http::query_param(request, "mine").value_or("false");
    if (mine == "true") return TicketScope{false, principal.user.id, {}, {}};
    if (mine == "false" || mine.empty()) return tickets::scope_of(principal);
    return api::field_error("invalid_parameter", "mine", "field.not_boolean");
}

void list_inquiries(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
                    const http::RequestContext& context) {
    const auto page = http::parse_page(request);
    if (const auto* error = std::get_if<api::ApiError>(&page)) return http::send_error(response, 400, *error);
    const auto scope = scope_of_request(request, *context.principal);
    if (const auto* error = std::get_if<api::ApiError>(&scope)) return http::send_error(response, 400, *error);
    const auto& wanted = std::get<http::Page>(page);
    // One lock for both reads, so the total matches the page.
    auto listed = database.use([&](store::Database& connection) -> store::Result<nlohmann::json> {
        auto inquiries = tickets::list_inquiries(connection, std::get<TicketScope>(scope), wanted.limit, wanted.offset);
        if (!inquiries) return store::Error{inquiries.error()};
        auto total = tickets::count_inquiries(connection, std::get<TicketScope>(scope));
        if (!total) return store::Error{total.error()};
        auto items = nlohmann::json::array();
        for (const auto& inquiry : inquiries.value()) items.push_back(tickets::to_json(inquiry));
        return nlohmann::json{{"inquiries", items}, {"total", total.value()}};
    });
    if (!listed) return http::send_failure(request, response, listed.error());
    http::send_json(response, 200, listed.value());
}

void get_inquiry(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
                 const http::RequestContext& context) {
    const auto id = http::parse_id(context.params.at("id"));
    if (const auto* error = std::get_if<api::ApiError>(&id)) return http::send_error(response, 400, *error);
    // Someone else's inquiry is "not found": its existence is not theirs to learn. The attempt
    // is still audited.
    const auto wanted = std::get<std::int64_t>(id);
    auto found = database.use([&](store::Database& connection) -> store::Result<std::optional<StoredInquiry>> {
        auto visible = tickets::find_inquiry(connection, wanted, tickets::scope_of(*context.principal));
        if (!visible || visible.value()) return visible;
        auto hidden = tickets::find_inquiry(connection, wanted, TicketScope{true, {}, {}, {}});
        if (!hidden) return store::Error{hidden.error()};
        if (!hidden.value()) return visible;
        auto recorded = connection.transaction([&] {
            return audit::record(connection, {identity::actor_of(context), "access.denied", "ticket",
                                              std::to_string(wanted), std::nullopt,
                                              nlohmann::json{{"reason", "not_visible"}}});
        });
        if (!recorded) return store::Error{recorded.error()};
        return visible;
    });
    if (!found) return http::send_failure(request, response, found.error());
    if (!found.value()) return http::send_error(response, 404, api::make_error("not_found"));
    http::send_json(response, 200, {{"inquiry", tickets::to_json(*found.value())}});
}

template <typename Handler>
http::RouteHandler bound(store::SharedDatabase& database, Handler handler) {
    return [&database, handler](const httplib::Request& request, httplib::Response& response,
                                const http::RequestContext& context) { handler(database, request, response, context); };
}

}  // namespace

void add_inquiry_routes(http::Router& router, store::SharedDatabase& database) {
    // Those the workflow lets open an inquiry (shared/tickets/workflow.cpp); auditors and
    // admins only read, vendors work on the tasks handed to them.
    const auto senders = http::Access::roles_of({Role::staff, Role::manager, Role::desk_operator});
    const auto readers = http::Access::roles_of(
        {Role::staff, Role::manager, Role::desk_operator, Role::it_office, Role::auditor, Role::admin});
    router.add({"POST", "/api/v1/inquiries", "createInquiry", senders, idempotency::idempotent(database, prepare_inquiry)});
    router.add({"GET", "/api/v1/inquiries", "listInquiries", readers, bound(database, list_inquiries)});
    router.add({"GET", "/api/v1/inquiries/{id}", "getInquiry", readers, bound(database, get_inquiry)});
}

}  // namespace madoguchi::server
