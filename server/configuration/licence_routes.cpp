#include "configuration/licence_routes.hpp"

#include "configuration/licence_store.hpp"
#include "configuration/route_support.hpp"
#include "http/body_reader.hpp"
#include "http/errors.hpp"
#include "identity/principal.hpp"

namespace madoguchi::server::configuration {
namespace {

using http::Reply;
using http::RequestContext;
using http::refusal;

Reply one_problem(int status, std::string_view code, std::string_view field, std::string_view reason_key) {
    auto error = api::make_error(code);
    api::add_field(error, field, reason_key);
    return refusal(status, error);
}

// The licence, its usage and its assignments as GET answers them; licence null without one.
store::Result<nlohmann::json> licence_document(store::Database& database, std::int64_t item_id) {
    auto licence = find_licence(database, item_id);
    if (!licence) return store::Error{licence.error()};
    auto assignments = list_assignments(database, item_id);
    if (!assignments) return store::Error{assignments.error()};
    auto listed = nlohmann::json::array();
    for (const auto& assignment : assignments.value()) listed.push_back(domain::to_json(assignment));
    if (!licence.value()) return nlohmann::json{{"licence", nullptr}, {"usage", nullptr}, {"assignments", listed}};
    const domain::SeatUsage usage{licence.value()->seats, static_cast<std::int64_t>(assignments.value().size())};
    return nlohmann::json{{"licence", domain::to_json(*licence.value())}, {"usage", domain::to_json(usage)}, {"assignments", listed}};
}

store::Result<domain::SeatUsage> usage_of(store::Database& database, std::int64_t item_id, std::int64_t seats) {
    auto assigned = count_assignments(database, item_id);
    if (!assigned) return store::Error{assigned.error()};
    return domain::SeatUsage{seats, assigned.value()};
}

void show(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
          const RequestContext& context) {
    const auto id = number_in_path(context, response, "id");
    if (!id) return;
    auto answer = database.use([&](store::Database& connection) -> store::Result<Reply> {
        auto found = item_or_404(connection, *id);
        if (!found) return store::Error{found.error()};
        if (auto* reply = std::get_if<Reply>(&found.value())) return *reply;
        auto document = licence_document(connection, *id);
        if (!document) return store::Error{document.error()};
        return Reply{200, document.value()};
    });
    if (!answer) return http::send_failure(request, response, answer.error());
    http::send_json(response, answer.value().status, answer.value().body);
}

void put(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
         const RequestContext& context) {
    const auto id = number_in_path(context, response, "id");
    if (!id) return;
    const auto object = http::json_object(request, response);
    if (!object) return;
    http::BodyReader reader(*object, {"seats", "term_start", "term_end", "notes"});
    domain::Licence licence;
    licence.seats = reader.integer("seats");
    for (auto [member, target] : {std::pair{"term_start", &licence.term_start}, std::pair{"term_end", &licence.term_end}}) {
        if (auto text = reader.optional_string(member)) {
            *target = calendar::parse_date(*text);
            if (!*target) reader.add_problem(member, "field.invalid_date");
        }
    }
    licence.notes = reader.optional_string("notes").value_or("");
    if (auto refused = reader.refusal()) return http::send_error(response, refused->status, refused->error);
    if (const auto problems = domain::validate(licence); !problems.empty()) {
        return http::send_error(response, 422, api::validation_error(problems));
    }
    http::answer_in_transaction(database, request, response, [&](store::Database& connection) -> store::Result<Reply> {
        auto found = item_or_404(connection, *id);
        if (!found) return store::Error{found.error()};
        if (auto* reply = std::get_if<Reply>(&found.value())) return *reply;
        if (std::get<ItemRow>(found.value()).item.fields.kind != domain::ItemKind::software) {
            return one_problem(422, "validation_failed", "kind", "field.licence_for_software_only");
        }
        auto before = find_licence(connection, *id);
        if (!before) return store::Error{before.error()};
        if (auto stored = put_licence(connection, *id, licence); !stored) return store::Error{stored.error()};
        auto recorded = record_item_change(
            connection, context, "licence.changed", *id,
            before.value() ? std::optional<nlohmann::json>(domain::to_json(*before.value())) : std::nullopt,
            domain::to_json(licence));
        if (!recorded) return store::Error{recorded.error()};
        auto document = licence_document(connection, *id);
        if (!document) return store::Error{document.error()};
        return Reply{200, document.value()};
    });
}

// Who the body names must exist: a user by login, a device by id.
store::Result<std::optional<Reply>> check_assignee(store::Database& database, const domain::LicenceAssignment& wanted) {
    const bool user = !wanted.user_login.empty();
    auto select = database.prepare(user ? "SELECT 1 FROM users WHERE login = ?1" : "SELECT 1 FROM devices WHERE id = ?1");
    if (!select) return store::Error{select.error()};
    if (user) {
        select.value().bind(1, wanted.user_login);
    } else {
        select.value().bind(1, wanted.device_id);
    }
    auto known = select.value().step();
    if (!known) return store::Error{known.error()};
    if (!known.value()) {
        return std::optional<Reply>(user ? one_problem(422, "validation_failed", "user_login", "field.unknown_user")
                                         : one_problem(422, "validation_failed", "device_id", "field.unknown_device"));
    }
    return std::optional<Reply>();
}

void assign(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
            const RequestContext& context) {
    const auto id = number_in_path(context, response, "id");
    if (!id) return;
    const auto object = http::json_object(request, response);
    if (!object) return;
    http::BodyReader reader(*object, {"user_login", "device_id", "allow_over", "reason"});
    domain::LicenceAssignment wanted;
    wanted.user_login = reader.optional_string("user_login").value_or("");
    wanted.device_id = reader.optional_integer("device_id").value_or(0);
    const bool allow_over = reader.optional_boolean("allow_over").value_or(false);
    const auto reason = reader.optional_string("reason").value_or("");
    if (auto refused = reader.refusal()) return http::send_error(response, refused->status, refused->error);
    if (const auto problems = domain::validate_assignee(wanted.user_login, wanted.device_id); !problems.empty()) {
        return http::send_error(response, 422, api::validation_error(problems));
    }
    http::answer_in_transaction(database, request, response, [&](store::Database& connection) -> store::Result<Reply> {
        auto found = item_or_404(connection, *id);
        if (!found) return store::Error{found.error()};
        if (auto* reply = std::get_if<Reply>(&found.value())) return *reply;
        const auto& item = std::get<ItemRow>(found.value());
        if (!item.usage) return refusal(404, api::make_error("no_licence"));
        auto unknown = check_assignee(connection, wanted);
        if (!unknown) return store::Error{unknown.error()};
        if (unknown.value()) return *unknown.value();
        auto held = holds_seat(connection, *id, wanted.user_login, wanted.device_id);
        if (!held) return store::Error{held.error()};
        if (held.value()) {
            return one_problem(409, "conflict", wanted.user_login.empty() ? "device_id" : "user_login", "field.already_assigned");
        }
        const auto refused = domain::check_assignment(*item.usage, allow_over, reason);
        if (refused != domain::AssignmentRefusal::none) {
            // The answer carries the usage, so the client can show how far over it would go.
            auto error = api::make_error("over_allocated");
            api::add_field(error, refused == domain::AssignmentRefusal::no_seat_free ? "allow_over" : "reason",
                           domain::refusal_key(refused));
            auto body = api::to_json(error);
            body["usage"] = domain::to_json(*item.usage);
            return Reply{409, body};
        }
        wanted.assigned_at = calendar::format_iso8601_utc(calendar::now());
        wanted.assigned_by = context.principal->user.fields.login;
        // A reason is kept only where it explains an assignment beyond the seats.
        if (item.usage->assigned >= item.usage->seats) wanted.over_reason = reason;
        auto assignment_id = insert_assignment(connection, *id, wanted);
        if (!assignment_id) return store::Error{assignment_id.error()};
        wanted.id = assignment_id.value();
        auto recorded = record_item_change(connection, context, "licence.assigned", *id, std::nullopt, domain::to_json(wanted));
        if (!recorded) return store::Error{recorded.error()};
        auto usage = usage_of(connection, *id, item.usage->seats);
        if (!usage) return store::Error{usage.error()};
        return Reply{201, {{"assignment", domain::to_json(wanted)}, {"usage", domain::to_json(usage.value())}}};
    });
}

void unassign(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
              const RequestContext& context) {
    const auto id = number_in_path(context, response, "id");
    if (!id) return;
    const auto assignment_id = number_in_path(context, response, "assignment");
    if (!assignment_id) return;
    http::answer_in_transaction(database, request, response, [&](store::Database& connection) -> store::Result<Reply> {
        auto found = item_or_404(connection, *id);
        if (!found) return store::Error{found.error()};
        if (auto* reply = std::get_if<Reply>(&found.value())) return *reply;
        const auto& item = std::get<ItemRow>(found.value());
        auto assignment = find_assignment(connection, *id, *assignment_id);
        if (!assignment) return store::Error{assignment.error()};
        if (!assignment.value() || !item.usage) return refusal(404, api::make_error("not_found"));
        if (auto removed = delete_assignment(connection, *assignment_id); !removed) return store::Error{removed.error()};
        auto recorded = record_item_change(connection, context, "licence.unassigned", *id,
                                           domain::to_json(*assignment.value()), std::nullopt);
        if (!recorded) return store::Error{recorded.error()};
        auto usage = usage_of(connection, *id, item.usage->seats);
        if (!usage) return store::Error{usage.error()};
        return Reply{200, {{"usage", domain::to_json(usage.value())}}};
    });
}

}  // namespace

void add_licence_routes(http::Router& router, store::SharedDatabase& database) {
    router.add({"GET", "/api/v1/configuration-items/{id}/licence", "getLicence", item_readers(),
                [&database](const httplib::Request& request, httplib::Response& response, const RequestContext& context) {
                    show(database, request, response, context);
                }});
    router.add({"PUT", "/api/v1/configuration-items/{id}/licence", "putLicence", item_writers(),
                [&database](const httplib::Request& request, httplib::Response& response, const RequestContext& context) {
                    put(database, request, response, context);
                }});
    router.add({"POST", "/api/v1/configuration-items/{id}/licence/assignments", "assignLicenceSeat", item_writers(),
                [&database](const httplib::Request& request, httplib::Response& response, const RequestContext& context) {
                    assign(database, request, response, context);
                }});
    router.add({"DELETE", "/api/v1/configuration-items/{id}/licence/assignments/{assignment}", "unassignLicenceSeat",
                item_writers(),
                [&database](const httplib::Request& request, httplib::Response& response, const RequestContext& context) {
                    unassign(database, request, response, context);
                }});
}

}  // namespace madoguchi::server::configuration
