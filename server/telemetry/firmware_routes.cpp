#include "telemetry/firmware_routes.hpp"

#include "audit/audit_log.hpp"
#include "http/body_reader.hpp"
#include "http/errors.hpp"
#include "http/transaction_reply.hpp"
#include "i18n/catalog.hpp"
#include "identity/request_actor.hpp"
#include "knowledge/route_support.hpp"
#include "store/read_snapshot.hpp"
#include "telemetry/firmware_store.hpp"
#include "tickets/ticket_create.hpp"

namespace madoguchi::server::telemetry {
namespace {

namespace domain = madoguchi::telemetry;
namespace ticket_domain = madoguchi::tickets;
using http::Access;
using http::Reply;
using madoguchi::identity::Role;

std::string japanese(std::string_view key) { return i18n::text(key, i18n::Language::ja); }

store::Result<std::optional<ModelCompliance>> one_model(store::Database& database, std::int64_t model_id) {
    auto models = firmware_compliance(database, model_id);
    if (!models) return store::Error{models.error()};
    if (models.value().empty()) return std::optional<ModelCompliance>();
    return std::optional(std::move(models.value().front()));
}

void list(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response) {
    auto models = store::read_snapshot(database, [](store::Database& connection) { return firmware_compliance(connection); });
    if (!models) return http::send_failure(request, response, models.error());
    auto items = nlohmann::json::array();
    for (const auto& model : models.value()) items.push_back(to_json(model));
    http::send_json(response, 200, {{"models", items}});
}

void set_target(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
                const http::RequestContext& context) {
    const auto model_id = knowledge::path_id(context, response);
    if (!model_id) return;
    const auto object = http::json_object(request, response);
    if (!object) return;
    http::BodyReader reader(*object, {"version"});
    auto version = reader.string("version");
    if (auto refusal = reader.refusal()) return http::send_error(response, refusal->status, refusal->error);
    if (!domain::parse_firmware_version(version)) {
        return http::send_error(response, 422,
                                api::validation_error(std::vector<validation::FieldProblem>{
                                    {"version", "field.invalid_firmware_version"}}));
    }
    const auto actor = identity::actor_of(context);
    http::answer_in_transaction(database, request, response, [&](store::Database& connection) -> store::Result<Reply> {
        auto before = one_model(connection, *model_id);
        if (!before) return store::Error{before.error()};
        if (!before.value()) return http::refusal(404, api::make_error("not_found"));
        const auto now = calendar::now();
        if (auto saved = save_firmware_target(connection, *model_id, version, actor.name, now); !saved) {
            return store::Error{saved.error()};
        }
        auto after = one_model(connection, *model_id);
        if (!after) return store::Error{after.error()};
        const auto target_json = [](const ModelCompliance& model) {
            return nlohmann::json{{"model", model.model},
                                  {"target", model.target ? nlohmann::json(*model.target) : nlohmann::json(nullptr)}};
        };
        const audit::AuditEntry entry{actor, "telemetry_firmware_target.set", "device_model", std::to_string(*model_id),
                                      target_json(*before.value()), target_json(*after.value())};
        if (auto recorded = audit::record(connection, entry); !recorded) return store::Error{recorded.error()};
        return Reply{200, to_json(*after.value())};
    });
}

std::string plan_body(const ModelCompliance& model) {
    std::string body = japanese("telemetry_extra.firmware.plan.intro");
    body += "\n\n";
    body += japanese("telemetry_extra.firmware.plan.model") + ": " + model.model + "\n";
    body += japanese("telemetry_extra.firmware.plan.target") + ": " + *model.target + "\n";
    body += japanese("telemetry_extra.firmware.plan.devices") + ":\n";
    for (const auto& device : model.devices) {
        if (device.standing != domain::FirmwareStanding::behind) continue;
        body += "- " + device.asset_tag + " (" + device.running + ")\n";
    }
    return body;
}

nlohmann::json plan_json(const ReleasePlan& plan) {
    return {{"ticket_id", plan.ticket_id},
            {"number", plan.number},
            {"state", plan.state},
            {"target_version", plan.target_version},
            {"devices_behind", plan.devices_behind}};
}

void open_release_plan(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
                       const http::RequestContext& context) {
    const auto model_id = knowledge::path_id(context, response);
    if (!model_id) return;
    const auto actor = identity::actor_of(context);
    http::answer_in_transaction(database, request, response, [&](store::Database& connection) -> store::Result<Reply> {
        auto found = one_model(connection, *model_id);
        if (!found) return store::Error{found.error()};
        if (!found.value()) return http::refusal(404, api::make_error("not_found"));
        const auto& model = *found.value();
        if (!model.target) return http::refusal(409, api::make_error("firmware_target_missing"));
        if (model.open_plan) return Reply{200, {{"created", false}, {"release_plan", plan_json(*model.open_plan)}}};
        const auto behind = model.count(domain::FirmwareStanding::behind);
        if (behind == 0) return http::refusal(409, api::make_error("no_devices_behind"));

        tickets::Creation creation;
        creation.draft.kind = std::string(ticket_domain::kind_name(ticket_domain::TicketKind::release));
        creation.draft.title = japanese("telemetry_extra.firmware.plan.title") + ": " + model.model + " → " + *model.target;
        creation.draft.body = plan_body(model);
        creation.draft.category = "device";
        const auto basics = ticket_domain::basics_of(creation.draft);
        if (!basics) return store::Error{"the release plan draft does not validate"};
        creation.basics = *basics;
        for (const auto& device : model.devices) {
            if (device.standing == domain::FirmwareStanding::behind) creation.device_ids.push_back(device.device_id);
        }
        const auto now = calendar::now();
        auto written = tickets::write_ticket(connection, creation, *context.principal, actor, now);
        if (!written) return store::Error{written.error()};
        if (const auto* refused = std::get_if<idempotency::Answer>(&written.value())) {
            return Reply{refused->status, refused->body};
        }
        const auto& ticket = std::get<tickets::TicketRow>(written.value());
        const ReleasePlan plan{ticket.id, ticket.number, std::string(ticket_domain::state_name(ticket.state)),
                               *model.target, behind};
        if (auto saved = save_release_plan(connection, plan, *model_id, now); !saved) return store::Error{saved.error()};
        const audit::AuditEntry ticket_entry{actor, "ticket.created", "ticket", std::to_string(ticket.id), std::nullopt,
                                             tickets::to_json(ticket)};
        if (auto recorded = audit::record(connection, ticket_entry); !recorded) return store::Error{recorded.error()};
        return Reply{201, {{"created", true}, {"release_plan", plan_json(plan)}}};
    });
}

}  // namespace

void add_firmware_routes(http::Router& router, store::SharedDatabase& database) {
    const auto readers = Access::roles_of({Role::desk_operator, Role::it_office, Role::auditor, Role::admin});
    const auto setters = Access::roles_of({Role::it_office, Role::admin});
    const auto planners = Access::roles_of({Role::desk_operator, Role::it_office});
    router.add({"GET", "/api/v1/telemetry/firmware", "getFirmwareCompliance", readers,
                [&database](const httplib::Request& request, httplib::Response& response, const http::RequestContext&) {
                    list(database, request, response);
                }});
    router.add({"PUT", "/api/v1/telemetry/firmware/targets/{id}", "setFirmwareTarget", setters,
                [&database](const httplib::Request& request, httplib::Response& response,
                            const http::RequestContext& context) { set_target(database, request, response, context); }});
    router.add({"POST", "/api/v1/telemetry/firmware/targets/{id}/release-plan", "openFirmwareReleasePlan", planners,
                [&database](const httplib::Request& request, httplib::Response& response,
                            const http::RequestContext& context) { open_release_plan(database, request, response, context); }});
}

}  // namespace madoguchi::server::telemetry
