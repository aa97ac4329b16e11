#include "lending/extension_routes.hpp"

#include "audit/audit_log.hpp"
#include "http/body_reader.hpp"
#include "http/errors.hpp"
#include "http/paging.hpp"
#include "http/transaction_reply.hpp"
#include "identity/principal.hpp"
#include "identity/request_actor.hpp"
#include "identity/user_store.hpp"
#include "lending/class_name.hpp"
#include "lending/extension_store.hpp"
#include "lending/lending_access.hpp"
#include "lending/request_store.hpp"
#include "lending/rule_store.hpp"
#include "notifications/notification_routing.hpp"
#include "validation/text_rules.hpp"

namespace madoguchi::server::lending {
namespace {

namespace domain = madoguchi::lending;
using http::Reply;
using nlohmann::json;

constexpr std::size_t reason_limit = 1000;

calendar::Date today() { return calendar::to_tokyo(calendar::now()).date; }

std::optional<std::int64_t> id_param(const http::RequestContext& context, const std::string& name,
                                     httplib::Response& response) {
    const auto id = http::parse_id(context.params.at(name));
    if (const auto* error = std::get_if<api::ApiError>(&id)) {
        http::send_error(response, 400, *error);
        return std::nullopt;
    }
    return std::get<std::int64_t>(id);
}

struct Asked {
    std::string date_or_decision;  // due_date of an ask, decision of a decision
    std::string reason;
};

// The body's two members (`first` and reason), or empty after the 400 was sent.
std::optional<Asked> read_body(const httplib::Request& request, httplib::Response& response, const char* first) {
    const auto object = http::json_object(request, response);
    if (!object) return std::nullopt;
    http::BodyReader reader(*object, {first, "reason"});
    Asked asked{reader.string(first), reader.optional_string("reason").value_or("")};
    if (auto refusal = reader.refusal()) {
        http::send_error(response, refusal->status, refusal->error);
        return std::nullopt;
    }
    return asked;
}

using Visible = std::variant<LoanRequestRow, Reply>;

// The request the principal sees, or the 404.
store::Result<Visible> visible_request(store::Database& database, const identity::Principal& principal, std::int64_t id) {
    auto found = find_request(database, id);
    if (!found) return store::Error{found.error()};
    if (!found.value() || !visible(principal, *found.value())) return Visible(http::refusal(404, api::make_error("not_found")));
    return Visible(*found.value());
}

Reply extension_refused(std::string_view reason) {
    return http::refusal(409, api::field_error("extension_refused", "request", reason));
}

// check_extension() for the loan as it stands; the refusal naming due_date with latest_due.
store::Result<std::optional<Reply>> due_date_refusal(store::Database& database, const LoanRequestRow& row,
                                                     const calendar::Date& new_due, int status) {
    auto rule = find_rule(database, row.class_code);
    if (!rule) return store::Error{rule.error()};
    if (!rule.value()) return store::Error{"no lending rule for " + row.class_code};
    auto reservations = reservations_after(database, row.id);
    if (!reservations) return store::Error{reservations.error()};
    const domain::DueDateLimits limits{rule.value()->rule.max_days, rule.value()->rule.closed_day_due_allowed};
    const auto check = domain::check_extension({row.start_date, row.due_date, new_due}, limits, reservations.value(), today());
    if (!check.refusal) return std::optional<Reply>();
    auto body = api::to_json(api::field_error(status == 422 ? "validation_failed" : "extension_refused", "due_date",
                                              check.refusal->reason_key));
    body["latest_due"] = check.latest_due ? json(calendar::format_date(*check.latest_due)) : json();
    return std::optional<Reply>(Reply{status, body});
}

store::Status notify(store::Database& database, const LoanRequestRow& before, const ExtensionRow& extension,
                     const audit::Actor& actor) {
    auto requester = identity::find_user_by_login(database, before.requester_login);
    if (!requester) return store::Error{requester.error()};
    const bool approved = extension.state == "approved";
    notifications::PlaceholderValues values{
        {"request_number", before.number},
        {"requester", requester.value() ? requester.value()->fields.name : before.requester_login},
        {"device_class", class_name_ja(before.class_code)},
        {"due_date", calendar::format_date(approved ? extension.new_due : before.due_date)},
        {"actor", actor.name},
        {"url", "/#/lending/requests/" + std::to_string(before.id)}};
    if (approved) {
        values["previous_due"] = calendar::format_date(before.due_date);
    } else {
        values["requested_due"] = calendar::format_date(extension.new_due);
        values["reason"] = extension.decision_reason;
    }
    const notifications::RoutingSubject subject{
        requester.value() ? std::optional<std::int64_t>(requester.value()->id) : std::nullopt, std::nullopt, "",
        notifications::InboxReference::loan(before.id, before.number)};
    return notifications::enqueue_routed(
        database, {approved ? "lending.extension_approved" : "lending.extension_rejected", {}, {}, std::move(values)},
        subject, actor);
}

}  // namespace

void list_extensions(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
                     const http::RequestContext& context) {
    const auto id = id_param(context, "id", response);
    if (!id) return;
    auto answer = database.use([&](store::Database& connection) -> store::Result<Reply> {
        auto loan = visible_request(connection, *context.principal, *id);
        if (!loan) return store::Error{loan.error()};
        if (auto* refused = std::get_if<Reply>(&loan.value())) return *refused;
        auto rows = extensions_of(connection, *id);
        if (!rows) return store::Error{rows.error()};
        auto items = json::array();
        for (const auto& row : rows.value()) items.push_back(to_json(row));
        return Reply{200, {{"extensions", items}}};
    });
    if (!answer) return http::send_failure(request, response, answer.error());
    http::send_json(response, answer.value().status, answer.value().body);
}

void ask_extension(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
                   const http::RequestContext& context) {
    const auto id = id_param(context, "id", response);
    if (!id) return;
    const auto asked = read_body(request, response, "due_date");
    if (!asked) return;
    const auto& reason = asked->reason;
    std::vector<validation::FieldProblem> problems;
    const auto due = calendar::parse_date(asked->date_or_decision);
    if (!due) problems.push_back({"due_date", "field.invalid_date"});
    if (auto problem = validation::text_problem(reason, reason_limit, false, true); !problem.empty()) {
        problems.push_back({"reason", problem});
    }
    if (!problems.empty()) return http::send_error(response, 422, api::validation_error(problems));
    const auto actor = identity::actor_of(context);
    http::answer_in_transaction(database, request, response, [&](store::Database& connection) -> store::Result<Reply> {
        auto loan = visible_request(connection, *context.principal, *id);
        if (!loan) return store::Error{loan.error()};
        if (auto* refused = std::get_if<Reply>(&loan.value())) return *refused;
        const auto& row = std::get<LoanRequestRow>(loan.value());
        if (row.requester_login != context.principal->user.fields.login) return http::refusal(403, api::make_error("forbidden"));
        if (row.state != domain::RequestState::on_loan) return extension_refused("lending.counter.refusal.not_on_loan");
        auto earlier = extensions_of(connection, row.id);
        if (!earlier) return store::Error{earlier.error()};
        for (const auto& extension : earlier.value()) {
            if (extension.state == "requested") return extension_refused("lending.extension.pending");
        }
        auto refusal = due_date_refusal(connection, row, *due, 422);
        if (!refusal) return store::Error{refusal.error()};
        if (refusal.value()) return *refusal.value();
        ExtensionRow extension{0, row.id, actor.name, row.due_date, *due, reason, "requested", "", "", "",
                               calendar::format_iso8601_utc(calendar::now())};
        auto inserted = insert_extension(connection, extension);
        if (!inserted) return store::Error{inserted.error()};
        extension.id = inserted.value();
        const audit::AuditEntry entry{actor, "loan_extension.requested", "loan_extension", std::to_string(extension.id),
                                      std::nullopt, to_json(extension)};
        if (auto recorded = audit::record(connection, entry); !recorded) return store::Error{recorded.error()};
        return Reply{201, {{"extension", to_json(extension)}}};
    });
}

void decide_on_extension(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
                         const http::RequestContext& context) {
    const auto id = id_param(context, "id", response);
    if (!id) return;
    const auto extension_id = id_param(context, "eid", response);
    if (!extension_id) return;
    const auto asked = read_body(request, response, "decision");
    if (!asked) return;
    const auto& decision = asked->date_or_decision;
    const auto& reason = asked->reason;
    std::vector<validation::FieldProblem> problems;
    if (decision != "approve" && decision != "reject") problems.push_back({"decision", "field.unknown_decision"});
    if (auto problem = validation::text_problem(reason, reason_limit, decision == "reject", true); !problem.empty()) {
        problems.push_back({"reason", problem == "field.required" ? "field.reason_required" : problem});
    }
    if (!problems.empty()) return http::send_error(response, 422, api::validation_error(problems));
    const auto actor = identity::actor_of(context);
    http::answer_in_transaction(database, request, response, [&](store::Database& connection) -> store::Result<Reply> {
        auto loan = visible_request(connection, *context.principal, *id);
        if (!loan) return store::Error{loan.error()};
        if (auto* refused = std::get_if<Reply>(&loan.value())) return *refused;
        const auto& before = std::get<LoanRequestRow>(loan.value());
        auto found = find_extension(connection, *extension_id);
        if (!found) return store::Error{found.error()};
        if (!found.value() || found.value()->request_id != before.id) return http::refusal(404, api::make_error("not_found"));
        auto rule = find_rule(connection, before.class_code);
        if (!rule) return store::Error{rule.error()};
        if (!rule.value() || !may_decide(*context.principal, rule.value()->rule, before)) {
            return http::refusal(403, api::make_error("approval_refused"));
        }
        auto extension = *found.value();
        if (extension.state != "requested") return extension_refused("lending.extension.decided");
        const auto now = calendar::now();
        if (decision == "approve") {
            if (before.state != domain::RequestState::on_loan) return extension_refused("lending.counter.refusal.not_on_loan");
            auto refusal = due_date_refusal(connection, before, extension.new_due, 409);
            if (!refusal) return store::Error{refusal.error()};
            if (refusal.value()) return *refusal.value();
            if (auto moved = move_due_date(connection, before.id, extension.new_due, now); !moved) {
                return store::Error{moved.error()};
            }
        }
        const auto old = to_json(extension);
        extension.state = decision == "approve" ? "approved" : "rejected";
        extension.decided_by = actor.name;
        extension.decided_at = calendar::format_iso8601_utc(now);
        extension.decision_reason = reason;
        auto decided = decide_extension(connection, extension);
        if (!decided) return store::Error{decided.error()};
        if (!decided.value()) return store::Error{"extension " + std::to_string(extension.id) + " changed inside the transaction"};
        auto after = find_request(connection, before.id);
        if (!after) return store::Error{after.error()};
        const auto request_document = to_json(*after.value());
        const audit::AuditEntry entry{actor, "loan_extension." + extension.state, "loan_extension",
                                      std::to_string(extension.id), json{{"extension", old}, {"request", to_json(before)}},
                                      json{{"extension", to_json(extension)}, {"request", request_document}}};
        if (auto recorded = audit::record(connection, entry); !recorded) return store::Error{recorded.error()};
        if (auto told = notify(connection, before, extension, actor); !told) return store::Error{told.error()};
        return Reply{200, {{"extension", to_json(extension)}, {"request", request_document}}};
    });
}

}  // namespace madoguchi::server::lending
