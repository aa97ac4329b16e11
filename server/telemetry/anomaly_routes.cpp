#include "telemetry/anomaly_routes.hpp"

#include "audit/audit_log.hpp"
#include "http/body_reader.hpp"
#include "http/errors.hpp"
#include "http/query_params.hpp"
#include "http/transaction_reply.hpp"
#include "identity/request_actor.hpp"
#include "knowledge/route_support.hpp"
#include "store/read_snapshot.hpp"
#include "telemetry/anomaly_scan.hpp"
#include "telemetry/anomaly_store.hpp"

namespace madoguchi::server::telemetry {
namespace {

using http::Access;
using http::Reply;
using madoguchi::identity::Role;

// The newest anomalies an answer lists: weeks of a bad fleet day.
constexpr int most_listed = 500;
constexpr std::size_t longest_note = 2000;

void list(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response) {
    auto filter = AnomalyFilter::open;
    if (const auto state = http::query_param(request, "state")) {
        if (*state == "acknowledged") filter = AnomalyFilter::acknowledged;
        else if (*state == "all") filter = AnomalyFilter::all;
        else if (*state != "open") {
            return http::send_error(response, 400, api::field_error("invalid_parameter", "state", "field.unknown_state"));
        }
    }
    auto items = store::read_snapshot(database, [&](store::Database& connection) {
        return list_anomalies(connection, filter, most_listed);
    });
    if (!items) return http::send_failure(request, response, items.error());
    http::send_json(response, 200, {{"anomalies", items.value()}});
}

void scan(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
          const http::RequestContext& context) {
    const auto object = http::json_object(request, response);
    if (!object) return;
    http::BodyReader reader(*object, {"day"});
    const auto text = reader.optional_string("day");
    if (auto refusal = reader.refusal()) return http::send_error(response, refusal->status, refusal->error);
    const auto now = calendar::now();
    auto day = last_whole_day(now);
    if (text) {
        const auto parsed = calendar::parse_date(*text);
        const char* reason = !parsed ? "field.invalid_date"
                             : calendar::days_from_civil(*parsed) > calendar::days_from_civil(day) ? "field.day_not_over"
                                                                                                  : nullptr;
        if (reason != nullptr) {
            return http::send_error(response, 422,
                                    api::validation_error(std::vector<validation::FieldProblem>{{"day", reason}}));
        }
        day = *parsed;
    }
    const auto actor = identity::actor_of(context);
    http::answer_in_transaction(database, request, response, [&](store::Database& connection) -> store::Result<Reply> {
        auto done = scan_anomalies(connection, day, actor, now);
        if (!done) return store::Error{done.error()};
        return Reply{200,
                     {{"day", calendar::format_date(done.value().day)},
                      {"devices", done.value().devices},
                      {"flagged", done.value().flagged}}};
    });
}

void acknowledge(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
                 const http::RequestContext& context) {
    const auto id = knowledge::path_id(context, response);
    if (!id) return;
    const auto object = http::json_object(request, response);
    if (!object) return;
    http::BodyReader reader(*object, {"note"});
    const auto note = reader.optional_string("note").value_or("");
    if (auto refusal = reader.refusal()) return http::send_error(response, refusal->status, refusal->error);
    if (note.size() > longest_note) {
        return http::send_error(response, 422,
                                api::validation_error(std::vector<validation::FieldProblem>{{"note", "field.too_long_2000"}}));
    }
    const auto actor = identity::actor_of(context);
    http::answer_in_transaction(database, request, response, [&](store::Database& connection) -> store::Result<Reply> {
        auto before = find_anomaly(connection, *id);
        if (!before) return store::Error{before.error()};
        if (!before.value()) return http::refusal(404, api::make_error("not_found"));
        auto done = acknowledge_anomaly(connection, *id, actor.name, note, calendar::now());
        if (!done) return store::Error{done.error()};
        if (!done.value()) return http::refusal(409, api::make_error("anomaly_already_acknowledged"));
        auto after = find_anomaly(connection, *id);
        if (!after) return store::Error{after.error()};
        const audit::AuditEntry entry{actor, "telemetry_anomaly.acknowledged", "telemetry_anomaly", std::to_string(*id),
                                      *before.value(), *after.value()};
        if (auto recorded = audit::record(connection, entry); !recorded) return store::Error{recorded.error()};
        return Reply{200, *after.value()};
    });
}

}  // namespace

void add_anomaly_routes(http::Router& router, store::SharedDatabase& database) {
    const auto readers = Access::roles_of({Role::desk_operator, Role::it_office, Role::auditor, Role::admin});
    const auto desk = Access::roles_of({Role::desk_operator, Role::it_office, Role::admin});
    router.add({"GET", "/api/v1/telemetry/anomalies", "listTelemetryAnomalies", readers,
                [&database](const httplib::Request& request, httplib::Response& response, const http::RequestContext&) {
                    list(database, request, response);
                }});
    router.add({"POST", "/api/v1/telemetry/anomalies/scan", "scanTelemetryAnomalies", desk,
                [&database](const httplib::Request& request, httplib::Response& response,
                            const http::RequestContext& context) { scan(database, request, response, context); }});
    router.add({"POST", "/api/v1/telemetry/anomalies/{id}/acknowledge", "acknowledgeTelemetryAnomaly", desk,
                [&database](const httplib::Request& request, httplib::Response& response,
                            const http::RequestContext& context) { acknowledge(database, request, response, context); }});
}

}  // namespace madoguchi::server::telemetry
