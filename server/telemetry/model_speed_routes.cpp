#include "telemetry/model_speed_routes.hpp"

#include "audit/audit_log.hpp"
#include "http/body_reader.hpp"
#include "http/errors.hpp"
#include "http/transaction_reply.hpp"
#include "identity/request_actor.hpp"
#include "knowledge/route_support.hpp"
#include "store/read_snapshot.hpp"
#include "telemetry/firmware_store.hpp"
#include "telemetry/model_speed_store.hpp"

namespace madoguchi::server::telemetry {
namespace {

using http::Access;
using http::Reply;
using madoguchi::identity::Role;

nlohmann::json to_json(const ModelSpeed& speed) {
    return {{"model_id", speed.model_id},
            {"model", speed.model},
            {"pages_per_minute", speed.pages_per_minute ? nlohmann::json(*speed.pages_per_minute) : nlohmann::json(nullptr)},
            {"effective_pages_per_minute", speed.effective()},
            {"updated_by", speed.updated_by},
            {"updated_at", speed.updated_at}};
}

void list(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response) {
    auto speeds = store::read_snapshot(database, [](store::Database& connection) { return model_speeds(connection); });
    if (!speeds) return http::send_failure(request, response, speeds.error());
    auto items = nlohmann::json::array();
    for (const auto& speed : speeds.value()) items.push_back(to_json(speed));
    http::send_json(response, 200, {{"fleet_max_pages_per_minute", fleet_max_pages_per_minute}, {"models", items}});
}

void set(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
         const http::RequestContext& context) {
    const auto model_id = knowledge::path_id(context, response);
    if (!model_id) return;
    const auto object = http::json_object(request, response);
    if (!object) return;
    http::BodyReader reader(*object, {"pages_per_minute"});
    if (!object->contains("pages_per_minute")) reader.add_problem("pages_per_minute", "field.required");
    const auto pages_per_minute = reader.optional_integer("pages_per_minute");
    if (auto refusal = reader.refusal()) return http::send_error(response, refusal->status, refusal->error);
    if (pages_per_minute && (*pages_per_minute < 1 || *pages_per_minute > most_pages_per_minute)) {
        return http::send_error(response, 422,
                                api::validation_error(std::vector<validation::FieldProblem>{
                                    {"pages_per_minute", "field.out_of_range_1_300"}}));
    }
    const auto actor = identity::actor_of(context);
    http::answer_in_transaction(database, request, response, [&](store::Database& connection) -> store::Result<Reply> {
        auto before = model_speeds(connection, *model_id);
        if (!before) return store::Error{before.error()};
        if (before.value().empty()) {
            auto exists = model_exists(connection, *model_id);
            if (!exists) return store::Error{exists.error()};
            // An iPad or PC model prints nothing: a speed for it would be a slip, not a setting.
            return exists.value() ? http::refusal(422, api::make_error("model_not_printer"))
                                  : http::refusal(404, api::make_error("not_found"));
        }
        if (auto saved = save_model_speed(connection, *model_id, pages_per_minute, actor.name, calendar::now()); !saved) {
            return store::Error{saved.error()};
        }
        auto after = model_speeds(connection, *model_id);
        if (!after) return store::Error{after.error()};
        const audit::AuditEntry entry{actor, "telemetry_model_speed.set", "device_model", std::to_string(*model_id),
                                      to_json(before.value().front()), to_json(after.value().front())};
        if (auto recorded = audit::record(connection, entry); !recorded) return store::Error{recorded.error()};
        return Reply{200, to_json(after.value().front())};
    });
}

}  // namespace

void add_model_speed_routes(http::Router& router, store::SharedDatabase& database) {
    const auto readers = Access::roles_of({Role::desk_operator, Role::it_office, Role::auditor, Role::admin});
    const auto setters = Access::roles_of({Role::it_office, Role::admin});
    router.add({"GET", "/api/v1/telemetry/model-speeds", "listTelemetryModelSpeeds", readers,
                [&database](const httplib::Request& request, httplib::Response& response, const http::RequestContext&) {
                    list(database, request, response);
                }});
    router.add({"PUT", "/api/v1/telemetry/model-speeds/{id}", "setTelemetryModelSpeed", setters,
                [&database](const httplib::Request& request, httplib::Response& response,
                            const http::RequestContext& context) { set(database, request, response, context); }});
}

}  // namespace madoguchi::server::telemetry
