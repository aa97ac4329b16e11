#include "telemetry/loop_rules_routes.hpp"

#include <algorithm>

#include "audit/audit_log.hpp"
#include "http/body_reader.hpp"
#include "http/errors.hpp"
#include "http/transaction_reply.hpp"
#include "identity/request_actor.hpp"
#include "identity/user_store.hpp"
#include "telemetry/loop_rules_store.hpp"

namespace madoguchi::server::telemetry {
namespace {

namespace domain = madoguchi::telemetry;
using http::Access;
using http::Reply;
using madoguchi::identity::Role;

// Integers far outside any limit are clamped before narrowing; validate() then refuses them.
int narrow(std::int64_t value) { return static_cast<int>(std::clamp<std::int64_t>(value, -1'000'000, 1'000'000)); }

// The incident tickets are filed under this account, so it must be a desk operator who can sign in.
store::Result<bool> is_enabled_operator(store::Database& database, const std::string& login) {
    auto user = identity::find_user_by_login(database, login);
    if (!user) return store::Error{user.error()};
    if (!user.value() || user.value()->disabled) return false;
    auto query = database.prepare("SELECT 1 FROM user_roles WHERE user_id = ?1 AND role = 'operator'");
    if (!query) return store::Error{query.error()};
    query.value().bind(1, user.value()->id);
    return query.value().step();
}

void show(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response) {
    auto stored = database.use([](store::Database& connection) { return load_loop_rules(connection); });
    if (!stored) return http::send_failure(request, response, stored.error());
    http::send_json(response, 200, to_json(stored.value()));
}

void replace(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
             const http::RequestContext& context) {
    const auto object = http::json_object(request, response);
    if (!object) return;
    http::BodyReader reader(*object, {"offline_cycles", "lead_time_days", "order_at_percent", "replacement_rise",
                                      "window_days", "min_days", "incident_requester", "version"});
    domain::LoopRules rules;
    rules.offline_cycles = narrow(reader.integer("offline_cycles"));
    rules.order.lead_time_days = narrow(reader.integer("lead_time_days"));
    rules.order.order_at_percent = narrow(reader.integer("order_at_percent"));
    rules.forecast.replacement_rise = narrow(reader.integer("replacement_rise"));
    rules.forecast.window_days = narrow(reader.integer("window_days"));
    rules.forecast.min_days = narrow(reader.integer("min_days"));
    rules.incident_requester = reader.string("incident_requester");
    const auto version = reader.integer("version");
    if (auto refusal = reader.refusal()) return http::send_error(response, refusal->status, refusal->error);
    const auto actor = identity::actor_of(context);
    http::answer_in_transaction(database, request, response, [&](store::Database& connection) -> store::Result<Reply> {
        auto problems = domain::validate(rules);
        if (!rules.incident_requester.empty()) {
            auto operator_ = is_enabled_operator(connection, rules.incident_requester);
            if (!operator_) return store::Error{operator_.error()};
            if (!operator_.value()) problems.push_back({"incident_requester", "field.not_desk_operator"});
        }
        if (!problems.empty()) return http::refusal(422, api::validation_error(problems));
        auto before = load_loop_rules(connection);
        if (!before) return store::Error{before.error()};
        auto saved = save_loop_rules(connection, rules, version, actor.name, calendar::now());
        if (!saved) return store::Error{saved.error()};
        if (!saved.value()) {
            auto body = api::to_json(api::make_error("stale_version"));
            body["rules"] = to_json(before.value());
            return Reply{409, body};
        }
        auto after = load_loop_rules(connection);
        if (!after) return store::Error{after.error()};
        const audit::AuditEntry entry{actor, "telemetry_loop_rules.updated", "telemetry_loop_rules", "1",
                                      to_json(before.value()), to_json(after.value())};
        if (auto recorded = audit::record(connection, entry); !recorded) return store::Error{recorded.error()};
        return Reply{200, to_json(after.value())};
    });
}

}  // namespace

void add_loop_rules_routes(http::Router& router, store::SharedDatabase& database) {
    const auto readers = Access::roles_of({Role::desk_operator, Role::it_office, Role::auditor, Role::admin});
    const auto setters = Access::roles_of({Role::it_office, Role::admin});
    router.add({"GET", "/api/v1/telemetry/rules", "getTelemetryRules", readers,
                [&database](const httplib::Request& request, httplib::Response& response, const http::RequestContext&) {
                    show(database, request, response);
                }});
    router.add({"PUT", "/api/v1/telemetry/rules", "replaceTelemetryRules", setters,
                [&database](const httplib::Request& request, httplib::Response& response,
                            const http::RequestContext& context) { replace(database, request, response, context); }});
}

}  // namespace madoguchi::server::telemetry
