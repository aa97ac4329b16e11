#include "tickets/ticket_change_frame.hpp"

#include "audit/audit_log.hpp"
#include "http/errors.hpp"
#include "http/paging.hpp"
#include "http/request_log.hpp"
#include "identity/principal.hpp"
#include "identity/request_actor.hpp"
#include "tickets/ticket_detail.hpp"
#include "tickets/ticket_notify.hpp"
#include "tickets/ticket_sla.hpp"

namespace madoguchi::server::tickets {

using http::refusal;
using http::Reply;
using http::RequestContext;

Reply stale(const TicketRow& current) {
    auto body = api::to_json(api::make_error("stale_version"));
    body["ticket"] = to_json(current);
    return {409, body};
}

namespace {

audit::AuditEntry refusal_record(const httplib::Request& request, const RequestContext& context,
                                 const std::string& ticket_id, const Reply& reply,
                                 const nlohmann::json& detail = nlohmann::json::object()) {
    nlohmann::json after{{"path", request.path}, {"status", reply.status},
                         {"error", reply.body.value("error", nlohmann::json::object())}};
    after.update(detail);
    return {identity::actor_of(context), "ticket.refused", "ticket", ticket_id, std::nullopt, after};
}

// In a transaction of its own: the refused request wrote nothing to stand or fall with. A
// failure is logged and the refusal answered all the same.
void record_refusal(store::SharedDatabase& database, const httplib::Request& request, const audit::AuditEntry& entry) {
    auto recorded = database.use([&](store::Database& connection) {
        return connection.transaction([&] { return audit::record(connection, entry); });
    });
    if (!recorded) http::log_request_failure(request, recorded.error());
}

}  // namespace

void refuse_audited(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
                    const RequestContext& context, const Reply& reply, const nlohmann::json& detail) {
    record_refusal(database, request, refusal_record(request, context, context.params.at("id"), reply, detail));
    http::send_json(response, reply.status, reply.body);
}

void run_change(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
                const RequestContext& context, const ChangeBody& body) {
    const auto id = http::parse_id(context.params.at("id"));
    if (const auto* error = std::get_if<api::ApiError>(&id)) return http::send_error(response, 400, *error);
    const auto& principal = *context.principal;
    std::optional<audit::AuditEntry> refused;
    http::answer_in_transaction(database, request, response, [&](store::Database& connection) -> store::Result<Reply> {
        auto found = find_visible_ticket(connection, std::get<std::int64_t>(id), principal);
        if (!found) return store::Error{found.error()};
        if (!found.value()) return refusal(404, api::make_error("not_found"));
        const Change change{context, *found.value(), calendar::now()};
        auto decided = body(connection, change);
        if (!decided) return store::Error{decided.error()};
        if (auto* reply = std::get_if<Reply>(&decided.value())) {
            // Kept apart from the change, which is rolled back: a refused request leaves its trace.
            refused = refusal_record(request, context, std::to_string(change.before.id), *reply);
            return *reply;
        }
        auto& outcome = std::get<Outcome>(decided.value());
        if (outcome.after) {
            auto written = update_ticket(connection, *outcome.after, change.before.version, change.now);
            if (!written) return store::Error{written.error()};
            if (!written.value()) return stale(change.before);
        }
        outcome.event.occurred_at = calendar::format_iso8601_utc(change.now);
        outcome.event.actor = principal.user.fields.login;
        auto event_id = insert_event(connection, change.before.id, principal.user.id, outcome.event);
        if (!event_id) return store::Error{event_id.error()};
        outcome.event.id = event_id.value();
        auto reread = find_ticket(connection, change.before.id);
        if (!reread) return store::Error{reread.error()};
        if (auto clock = store_sla_clock(connection, *reread.value(), change.now); !clock) return store::Error{clock.error()};
        reread = find_ticket(connection, change.before.id);
        if (!reread) return store::Error{reread.error()};
        const auto& after = *reread.value();
        auto audited_after = to_json(after);
        audited_after["event"] = to_json(outcome.event);
        const audit::AuditEntry entry{identity::actor_of(context), outcome.action, "ticket", std::to_string(after.id),
                                      to_json(change.before), audited_after};
        if (auto recorded = audit::record(connection, entry); !recorded) return store::Error{recorded.error()};
        if (auto told = notify_ticket_change(connection, change.before, after, entry.actor); !told) {
            return store::Error{told.error()};
        }
        auto detail = ticket_detail(connection, principal, after, change.now);
        if (!detail) return store::Error{detail.error()};
        detail.value().update(outcome.detail_extra);
        return Reply{outcome.status, detail.value()};
    });
    if (refused) record_refusal(database, request, *refused);
}

}  // namespace madoguchi::server::tickets
