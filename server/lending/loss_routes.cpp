#include "lending/loss_routes.hpp"

#include "audit/audit_log.hpp"
#include "http/body_reader.hpp"
#include "http/errors.hpp"
#include "http/transaction_reply.hpp"
#include "identity/principal.hpp"
#include "identity/request_actor.hpp"
#include "idempotency/idempotent_route.hpp"
#include "inventory/device_class.hpp"
#include "inventory/device_store.hpp"
#include "knowledge/route_support.hpp"
#include "lending/ledger_moves.hpp"
#include "lending/lending_access.hpp"
#include "lending/loss_reallocation.hpp"
#include "lending/loss_replacement.hpp"
#include "lending/loss_ticket.hpp"

namespace madoguchi::server::lending {
namespace {

namespace domain = madoguchi::lending;
using idempotency::Answer;
using madoguchi::identity::Role;
using madoguchi::inventory::AssetState;

struct Report {
    domain::LossDraft draft;
    bool replacement = false;
};

Answer refused(int status, const api::ApiError& error) { return Answer{status, api::to_json(error)}; }

bool is_desk(const identity::Principal& principal) {
    return madoguchi::identity::has_role(principal.user.fields.roles, Role::desk_operator);
}

// The borrower and reporter see their own reports; those who see every loan see all.
bool sees(const identity::Principal& principal, const LossReportRow& report) {
    const auto& login = principal.user.fields.login;
    return sees_all(principal) || report.borrower_login == login || report.reported_by == login;
}

std::variant<Answer, Report> read_report(const httplib::Request& request, const http::RequestContext& context) {
    const auto parsed = http::parse_json_body(request);
    if (const auto* refusal = std::get_if<http::BodyRefusal>(&parsed)) return refused(refusal->status, refusal->error);
    http::BodyReader reader(std::get<nlohmann::json>(parsed),
                            {"tag", "kind", "occurred_at", "place", "circumstances", "replacement"});
    Report report;
    report.draft.tag = reader.string("tag");
    report.draft.kind = reader.string("kind");
    report.draft.occurred_at = reader.string("occurred_at");
    report.draft.place = reader.string("place");
    report.draft.circumstances = reader.string("circumstances");
    report.replacement = reader.optional_boolean("replacement").value_or(false);
    if (auto refusal = reader.refusal()) return refused(refusal->status, refusal->error);
    if (const auto problems = domain::validate(report.draft, calendar::now()); !problems.empty()) {
        return refused(422, api::validation_error(problems));
    }
    if (report.replacement && !is_desk(*context.principal)) {
        return refused(403, api::field_error("forbidden", "replacement", "field.desk_only"));
    }
    return report;
}

// The device and the loan it is lost from; a refusal when it is on none the principal may report.
struct LostFrom {
    std::int64_t device_id = 0;
    AssetState state = AssetState::on_loan;
    LoanRequestRow loan;
};

store::Result<std::variant<Answer, LostFrom>> lost_from(store::Database& database, const Report& report,
                                                        const identity::Principal& principal) {
    using Found = std::variant<Answer, LostFrom>;
    const auto& tag = report.draft.tag;
    auto id = inventory::device_id_of_tag(database, tag);
    if (!id) return store::Error{id.error()};
    if (!id.value()) return Found{refused(404, api::field_error("unknown_tag", "tag", "field.unknown_tag"))};
    auto device = inventory::find_device(database, *id.value());
    if (!device) return store::Error{device.error()};
    auto request_id = holding_request_of(database, *id.value());
    if (!request_id) return store::Error{request_id.error()};
    std::optional<LoanRequestRow> loan;
    if (request_id.value()) {
        auto found = find_request(database, *request_id.value());
        if (!found) return store::Error{found.error()};
        loan = found.value();
    }
    const auto state = device.value()->asset.state;
    const bool lent = state == AssetState::on_loan || state == AssetState::in_transit;
    // Staff and managers report only what they borrowed; another's loan is not theirs to know.
    if (loan && !sees_all(principal) && loan->requester_login != principal.user.fields.login) {
        return Found{refused(404, api::field_error("unknown_tag", "tag", "field.unknown_tag"))};
    }
    if (!loan || !lent) {
        auto body = api::to_json(api::field_error("not_on_loan", "tag", "field.not_on_loan"));
        body["tag"] = tag;
        body["device_state"] = madoguchi::inventory::state_name(state);
        return Found{Answer{409, body}};
    }
    const auto to = domain::device_state_of(*domain::parse_loss_kind(report.draft.kind));
    const auto* device_class = madoguchi::inventory::find_device_class(device.value()->asset.fields.class_code);
    if (device_class == nullptr || madoguchi::inventory::check_transition(device_class->placement, state, to) !=
                                       madoguchi::inventory::TransitionRefusal::none) {
        auto body = api::to_json(api::field_error("transition_refused", "kind", "field.not_from_device_state"));
        body["tag"] = tag;
        body["device_state"] = madoguchi::inventory::state_name(state);
        return Found{Answer{409, body}};
    }
    return Found{LostFrom{*id.value(), state, *loan}};
}

// The loan ends for the device: the request is lost once no device is left on it.
store::Status end_loan(store::Database& database, const LoanRequestRow& loan, std::int64_t device_id,
                       const audit::Actor& actor, calendar::Instant now) {
    auto left = devices_left(database, loan.id);
    if (!left) return store::Error{left.error()};
    if (left.value() > 0) return drop_allocation(database, loan.id, device_id);
    auto ended = set_request_state(database, loan, domain::RequestState::lost, actor.name, loan.state_reason, now);
    if (!ended) return store::Error{ended.error()};
    if (!ended.value()) return store::Error{"loan request " + loan.number + " changed inside the transaction"};
    auto after = find_request(database, loan.id);
    if (!after) return store::Error{after.error()};
    const audit::AuditEntry entry{actor, "loan_request.lost", "loan_request", std::to_string(loan.id), to_json(loan),
                                  to_json(*after.value())};
    return audit::record(database, entry);
}

store::Result<Answer> file_report(store::Database& database, const Report& report, const identity::Principal& principal,
                                  const audit::Actor& actor) {
    const auto now = calendar::now();
    auto found = lost_from(database, report, principal);
    if (!found) return store::Error{found.error()};
    if (auto* refusal = std::get_if<Answer>(&found.value())) return *refusal;
    const auto& lost = std::get<LostFrom>(found.value());
    const auto kind = *domain::parse_loss_kind(report.draft.kind);
    if (auto moved = move_device(database, lost.device_id, domain::device_state_of(kind), lost.loan.number, actor); !moved) {
        return store::Error{moved.error()};
    }
    if (auto ended = end_loan(database, lost.loan, lost.device_id, actor, now); !ended) return store::Error{ended.error()};
    if (auto moved = reallocate_after_loss(database, lost.device_id, report.draft.tag, lost.loan.id, actor, now); !moved) {
        return store::Error{moved.error()};
    }

    LossReportRow row;
    row.device_id = lost.device_id;
    row.asset_tag = report.draft.tag;
    row.class_code = lost.loan.class_code;
    row.request_id = lost.loan.id;
    row.request_number = lost.loan.number;
    row.borrower_login = lost.loan.requester_login;
    row.kind = kind;
    row.occurred_at = report.draft.occurred_at;
    row.place = report.draft.place;
    row.circumstances = report.draft.circumstances;
    row.remote_wipe_requested = domain::remote_wipe_requested(row.class_code);
    row.reported_by = principal.user.fields.login;
    auto ticket = open_security_incident(database, row, principal, actor, now);
    if (!ticket) return store::Error{ticket.error()};
    if (auto* refusal = std::get_if<Answer>(&ticket.value())) return *refusal;
    row.ticket_id = std::get<tickets::TicketRow>(ticket.value()).id;
    auto id = insert_loss_report(database, row, now);
    if (!id) return store::Error{id.error()};
    auto stored = find_loss_report(database, id.value());
    if (!stored) return store::Error{stored.error()};
    const audit::AuditEntry entry{actor, "loss_report.created", "loss_report", std::to_string(id.value()), std::nullopt,
                                  to_json(*stored.value())};
    if (auto recorded = audit::record(database, entry); !recorded) return store::Error{recorded.error()};
    nlohmann::json body;
    if (report.replacement) {
        auto issued = issue_replacement(database, *stored.value(), actor, now);
        if (!issued) return store::Error{issued.error()};
        if (const auto* refusal = std::get_if<http::Reply>(&issued.value())) {
            body["replacement_refusal"] = refusal->body["error"];
        } else {
            body["replacement"] = to_json(std::get<LoanRequestRow>(issued.value()));
        }
        stored = find_loss_report(database, id.value());
        if (!stored) return store::Error{stored.error()};
    }
    body["loss_report"] = to_json(*stored.value());
    return Answer{201, body};
}

}  // namespace

http::RouteHandler loss_report_route(store::SharedDatabase& database) {
    return idempotency::idempotent(
        database, [](const httplib::Request& request, const http::RequestContext& context)
                      -> std::variant<Answer, idempotency::Write> {
            auto read = read_report(request, context);
            if (auto* refusal = std::get_if<Answer>(&read)) return *refusal;
            return idempotency::Write([report = std::get<Report>(std::move(read)), principal = *context.principal,
                                       actor = identity::actor_of(context)](store::Database& database) {
                return file_report(database, report, principal, actor);
            });
        });
}

void replace_lost_device(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
                         const http::RequestContext& context) {
    const auto id = knowledge::path_id(context, response);
    if (!id) return;
    const auto object = http::json_object(request, response);
    if (!object) return;
    http::BodyReader reader(*object, {"version"});
    const auto version = reader.integer("version");
    if (auto refusal = reader.refusal()) return http::send_error(response, refusal->status, refusal->error);
    const auto actor = identity::actor_of(context);
    http::answer_in_transaction(database, request, response, [&](store::Database& connection) -> store::Result<http::Reply> {
        auto found = find_loss_report(connection, *id);
        if (!found) return store::Error{found.error()};
        if (!found.value()) return http::refusal(404, api::make_error("not_found"));
        if (found.value()->version != version) {
            auto body = api::to_json(api::make_error("stale_version"));
            body["loss_report"] = to_json(*found.value());
            return http::Reply{409, body};
        }
        auto issued = issue_replacement(connection, *found.value(), actor, calendar::now());
        if (!issued) return store::Error{issued.error()};
        if (auto* refusal = std::get_if<http::Reply>(&issued.value())) return *refusal;
        auto after = find_loss_report(connection, *id);
        if (!after) return store::Error{after.error()};
        return http::Reply{201, {{"loss_report", to_json(*after.value())},
                                 {"replacement", to_json(std::get<LoanRequestRow>(issued.value()))}}};
    });
}

void list_loss_reports_route(store::SharedDatabase& database, const httplib::Request& request,
                             httplib::Response& response, const http::RequestContext& context) {
    const auto& principal = *context.principal;
    const std::optional<std::string> person =
        sees_all(principal) ? std::nullopt : std::optional<std::string>(principal.user.fields.login);
    auto rows = database.use([&](store::Database& connection) { return list_loss_reports(connection, person); });
    if (!rows) return http::send_failure(request, response, rows.error());
    auto items = nlohmann::json::array();
    for (const auto& row : rows.value()) items.push_back(to_json(row));
    http::send_json(response, 200, {{"loss_reports", items}, {"total", items.size()}});
}

void loss_report_detail(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
                        const http::RequestContext& context) {
    const auto id = knowledge::path_id(context, response);
    if (!id) return;
    auto found = database.use([&](store::Database& connection) { return find_loss_report(connection, *id); });
    if (!found) return http::send_failure(request, response, found.error());
    if (!found.value() || !sees(*context.principal, *found.value())) {
        return http::send_error(response, 404, api::make_error("not_found"));
    }
    http::send_json(response, 200, {{"loss_report", to_json(*found.value())}});
}

}  // namespace madoguchi::server::lending
