#include "lending/request_decision.hpp"

#include "audit/audit_log.hpp"
#include "http/body_reader.hpp"
#include "http/errors.hpp"
#include "http/paging.hpp"
#include "http/transaction_reply.hpp"
#include "i18n/catalog.hpp"
#include "identity/principal.hpp"
#include "identity/request_actor.hpp"
#include "identity/user_store.hpp"
#include "lending/availability_refusal.hpp"
#include "lending/availability_store.hpp"
#include "lending/class_name.hpp"
#include "lending/device_allocation.hpp"
#include "lending/lending_access.hpp"
#include "lending/rule_store.hpp"
#include "notifications/notification_routing.hpp"
#include "validation/text_rules.hpp"

namespace madoguchi::server::lending {
namespace {

namespace domain = madoguchi::lending;
using domain::RequestState;
using http::Reply;

enum class Move { approve, reject, cancel };

constexpr std::size_t reason_limit = 1000;

struct Decision {
    std::int64_t id = 0;
    Move move = Move::approve;
    std::int64_t version = 0;
    std::string reason;
};

std::optional<Move> move_to(RequestState state) {
    switch (state) {
        case RequestState::approved: return Move::approve;
        case RequestState::rejected: return Move::reject;
        case RequestState::cancelled: return Move::cancel;
        default: return std::nullopt;
    }
}

std::string japanese(std::string_view key) { return i18n::text(key, i18n::Language::ja); }

// Reads the path's id and the body; empty after the refusal was sent.
std::optional<Decision> read_decision(const httplib::Request& request, httplib::Response& response,
                                      const http::RequestContext& context) {
    const auto id = http::parse_id(context.params.at("id"));
    if (const auto* error = std::get_if<api::ApiError>(&id)) {
        http::send_error(response, 400, *error);
        return std::nullopt;
    }
    const auto object = http::json_object(request, response);
    if (!object) return std::nullopt;
    http::BodyReader reader(*object, {"to", "version", "reason"});
    const auto to = reader.string("to");
    Decision decision{std::get<std::int64_t>(id), Move::approve, reader.integer("version"),
                      reader.optional_string("reason").value_or("")};
    if (auto refusal = reader.refusal()) {
        http::send_error(response, refusal->status, refusal->error);
        return std::nullopt;
    }
    const auto state = domain::parse_request_state(to);
    if (!state) {
        http::send_error(response, 422, api::validation_error(std::vector<validation::FieldProblem>{{"to", "field.unknown_state"}}));
        return std::nullopt;
    }
    const auto move = move_to(*state);
    if (!move) {
        http::send_error(response, 409, api::field_error("transition_refused", "to", "field.counter_move"));
        return std::nullopt;
    }
    decision.move = *move;
    const auto problem = validation::text_problem(decision.reason, reason_limit, decision.move == Move::reject, true);
    if (!problem.empty()) {
        const std::vector<validation::FieldProblem> problems{
            {"reason", problem == "field.required" ? "field.reason_required" : problem}};
        http::send_error(response, 422, api::validation_error(problems));
        return std::nullopt;
    }
    return decision;
}

std::optional<std::int64_t> pickup_location(const LoanRequestRow& row) {
    if (row.delivery != domain::Delivery::pickup) return std::nullopt;
    return row.pickup_location_id;
}

// Allocates the request's devices and reserves them; a refusal when there are not enough.
store::Result<std::optional<Reply>> allocate_devices(store::Database& database, const LoanRequestRow& row,
                                                     const domain::LoanRule& rule, const audit::Actor& actor) {
    const auto today = calendar::to_tokyo(calendar::now()).date;
    const PoolQuery query{row.class_code, pickup_location(row), today};
    auto pool = load_pool(database, query);
    if (!pool) return store::Error{pool.error()};
    const AskedPeriod asked{row.quantity, row.start_date, row.due_date};
    if (auto refusal = unavailable(pool.value(), asked, rule, today)) return std::optional<Reply>(*refusal);
    auto candidates = free_devices(database, query, row.start_date, row.due_date);
    if (!candidates) return store::Error{candidates.error()};
    if (candidates.value().size() < static_cast<std::size_t>(row.quantity)) {
        // The count promised a device still in repair: approval waits until it is back.
        const auto& returns = pool.value().returns;
        if (!returns.empty() && !(row.due_date < returns.front().on)) {
            auto body = api::to_json(api::make_error("awaiting_repair_return"));
            body["expected_on"] = calendar::format_date(returns.front().on);
            return std::optional<Reply>(Reply{409, body});
        }
        return std::optional<Reply>(not_available(pool.value(), asked, rule, today));
    }
    for (int index = 0; index < row.quantity; ++index) {
        const auto device_id = candidates.value()[static_cast<std::size_t>(index)].device_id;
        if (auto reserved = reserve_device(database, row, device_id, actor); !reserved) return store::Error{reserved.error()};
    }
    return std::optional<Reply>();
}

store::Status notify(store::Database& database, const LoanRequestRow& row, Move move, const audit::Actor& actor) {
    if (move == Move::cancel) return store::success();
    auto requester = identity::find_user_by_login(database, row.requester_login);
    if (!requester) return store::Error{requester.error()};
    notifications::PlaceholderValues values{
        {"request_number", row.number},
        {"requester", requester.value() ? requester.value()->fields.name : row.requester_login},
        {"device_class", class_name_ja(row.class_code)},
        {"quantity", std::to_string(row.quantity)},
        {"start_date", calendar::format_date(row.start_date)},
        {"due_date", calendar::format_date(row.due_date)},
        {"actor", actor.name},
        {"url", "/#/lending/requests/" + std::to_string(row.id)}};
    if (move == Move::approve) {
        std::string tags;
        for (const auto& device : row.devices) {
            if (!tags.empty()) tags += ", ";
            tags += device.asset_tag;
        }
        values["asset_tags"] = tags;
        values["delivery"] = row.delivery == domain::Delivery::pickup
                                 ? row.pickup_location_name
                                 : japanese("lending.delivery.shipping") + " " + row.ship_address;
    } else {
        values["reason"] = row.state_reason;
    }
    const notifications::RoutingSubject subject{
        requester.value() ? std::optional<std::int64_t>(requester.value()->id) : std::nullopt, std::nullopt, "",
        notifications::InboxReference::loan(row.id, row.number)};
    return notifications::enqueue_routed(
        database, {move == Move::approve ? "lending.approved" : "lending.rejected", {}, {}, std::move(values)}, subject,
        actor);
}

// Who may make the move, and from which states; a refusal or empty.
store::Result<std::optional<Reply>> refusal_of(store::Database& database, const identity::Principal& principal,
                                               const LoanRequestRow& row, Move move, std::int64_t version) {
    using Refusal = std::optional<Reply>;
    if (move == Move::cancel) {
        if (row.requester_login != principal.user.fields.login) return Refusal(http::refusal(403, api::make_error("forbidden")));
    } else {
        auto rule = find_rule(database, row.class_code);
        if (!rule) return store::Error{rule.error()};
        if (!rule.value() || !may_decide(principal, rule.value()->rule, row)) {
            return Refusal(http::refusal(403, api::make_error("approval_refused")));
        }
    }
    if (row.version != version) {
        auto body = api::to_json(api::make_error("stale_version"));
        body["request"] = to_json(row);
        return Refusal(Reply{409, body});
    }
    if (move == Move::cancel && !domain::cancellable(row.state)) {
        return Refusal(http::refusal(409, api::make_error("not_cancellable")));
    }
    if (move != Move::cancel && row.state != RequestState::submitted) {
        return Refusal(http::refusal(409, api::make_error("request_decided")));
    }
    return Refusal();
}

}  // namespace

void transition_request(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
                        const http::RequestContext& context) {
    const auto decision = read_decision(request, response, context);
    if (!decision) return;
    const auto move = decision->move;
    const auto& principal = *context.principal;
    const auto actor = identity::actor_of(context);
    http::answer_in_transaction(database, request, response, [&](store::Database& connection) -> store::Result<Reply> {
        auto found = find_request(connection, decision->id);
        if (!found) return store::Error{found.error()};
        if (!found.value() || !visible(principal, *found.value())) return http::refusal(404, api::make_error("not_found"));
        const auto& before = *found.value();
        auto refusal = refusal_of(connection, principal, before, move, decision->version);
        if (!refusal) return store::Error{refusal.error()};
        if (refusal.value()) return *refusal.value();
        if (move == Move::approve) {
            auto rule = find_rule(connection, before.class_code);
            if (!rule) return store::Error{rule.error()};
            auto allocated = allocate_devices(connection, before, rule.value()->rule, actor);
            if (!allocated) return store::Error{allocated.error()};
            if (allocated.value()) return *allocated.value();
        } else if (move == Move::cancel && domain::holds_devices(before.state)) {
            if (auto released = release_devices(connection, before, actor); !released) return store::Error{released.error()};
        }
        const auto to = move == Move::approve ? RequestState::approved
                        : move == Move::reject ? RequestState::rejected
                                               : RequestState::cancelled;
        auto set = set_request_state(connection, before, to, actor.name, decision->reason, calendar::now());
        if (!set) return store::Error{set.error()};
        if (!set.value()) return store::Error{"loan request " + before.number + " changed inside the transaction"};
        auto after = find_request(connection, before.id);
        if (!after) return store::Error{after.error()};
        const auto& row = *after.value();
        std::string action = "loan_request.";
        action += domain::state_name(to);
        const audit::AuditEntry entry{actor, action, "loan_request",
                                      std::to_string(row.id), to_json(before), to_json(row)};
        if (auto recorded = audit::record(connection, entry); !recorded) return store::Error{recorded.error()};
        if (auto told = notify(connection, row, move, actor); !told) return store::Error{told.error()};
        return Reply{200, {{"request", to_json(row)}}};
    });
}

}  // namespace madoguchi::server::lending
