#include "lending/rule_routes.hpp"

#include <algorithm>

#include "audit/audit_log.hpp"
#include "http/body_reader.hpp"
#include "http/errors.hpp"
#include "http/transaction_reply.hpp"
#include "identity/request_actor.hpp"
#include "lending/rule_store.hpp"

namespace madoguchi::server::lending {
namespace {

namespace domain = madoguchi::lending;
using http::Reply;
using validation::FieldProblem;

struct RuleEdit {
    domain::LoanRule rule;
    std::int64_t version = 0;
};

store::Result<nlohmann::json> rules_json(store::Database& database) {
    auto rules = load_rules(database);
    if (!rules) return store::Error{rules.error()};
    auto items = nlohmann::json::array();
    for (const auto& stored : rules.value()) items.push_back(to_json(stored));
    return nlohmann::json{{"rules", items}};
}

// Each rule's shape problems are named "rules[i].<field>"; 400 for any of them.
std::variant<std::vector<RuleEdit>, api::ApiError> read_edits(const nlohmann::json& body,
                                                             std::vector<FieldProblem>& problems) {
    auto error = api::make_error("bad_request");
    for (const auto& [name, value] : body.items()) {
        if (name != "rules") api::add_field(error, name, "field.unknown_field");
    }
    if (!body.contains("rules") || !body["rules"].is_array()) {
        api::add_field(error, "rules", body.contains("rules") ? "field.not_array" : "field.required");
        return error;
    }
    std::vector<RuleEdit> edits;
    for (std::size_t index = 0; index < body["rules"].size(); ++index) {
        const auto prefix = "rules[" + std::to_string(index) + "].";
        http::BodyReader reader(body["rules"][index], {"class", "max_days", "approver", "holding_limit", "overdue_blocks",
                                                       "closed_day_due_allowed", "version"});
        RuleEdit edit;
        edit.rule.class_code = reader.string("class");
        edit.rule.max_days = static_cast<int>(std::clamp<std::int64_t>(reader.integer("max_days"), -1, 100000));
        const auto approver = reader.string("approver");
        edit.rule.holding_limit = static_cast<int>(std::clamp<std::int64_t>(reader.integer("holding_limit"), -1, 100000));
        edit.rule.overdue_blocks = reader.boolean("overdue_blocks");
        edit.rule.closed_day_due_allowed = reader.boolean("closed_day_due_allowed");
        edit.version = reader.integer("version");
        for (const auto& [field, reason] : reader.problems()) api::add_field(error, prefix + field, reason);
        if (!reader.problems().empty()) continue;
        if (auto parsed = domain::parse_approver(approver)) {
            edit.rule.approver = *parsed;
        } else {
            problems.push_back({prefix + "approver", "field.unknown_approver"});
        }
        for (auto& problem : domain::validate(edit.rule, prefix)) problems.push_back(std::move(problem));
        edits.push_back(std::move(edit));
    }
    if (!error.fields.empty()) return error;
    return edits;
}

}  // namespace

void list_rules(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
                const http::RequestContext&) {
    auto answer = database.use([](store::Database& connection) { return rules_json(connection); });
    if (!answer) return http::send_failure(request, response, answer.error());
    http::send_json(response, 200, answer.value());
}

void replace_rules(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
                   const http::RequestContext& context) {
    const auto object = http::json_object(request, response);
    if (!object) return;
    std::vector<FieldProblem> problems;
    auto read = read_edits(*object, problems);
    if (const auto* error = std::get_if<api::ApiError>(&read)) return http::send_error(response, 400, *error);
    if (!problems.empty()) return http::send_error(response, 422, api::validation_error(problems));
    const auto actor = identity::actor_of(context);
    http::answer_in_transaction(database, request, response, [&](store::Database& connection) -> store::Result<Reply> {
        const auto now = calendar::now();
        for (const auto& edit : std::get<std::vector<RuleEdit>>(read)) {
            auto before = find_rule(connection, edit.rule.class_code);
            if (!before) return store::Error{before.error()};
            if (!before.value()) return store::Error{"no stored rule for " + edit.rule.class_code};
            auto saved = save_rule(connection, edit.rule, edit.version, actor.name, now);
            if (!saved) return store::Error{saved.error()};
            if (!saved.value()) {
                auto current = rules_json(connection);
                if (!current) return store::Error{current.error()};
                auto body = api::to_json(api::make_error("stale_version"));
                body["rules"] = current.value()["rules"];
                return Reply{409, body};
            }
            auto after = find_rule(connection, edit.rule.class_code);
            if (!after) return store::Error{after.error()};
            const audit::AuditEntry entry{actor, "loan_rule.updated", "loan_rule", edit.rule.class_code,
                                          to_json(*before.value()), to_json(*after.value())};
            if (auto recorded = audit::record(connection, entry); !recorded) return store::Error{recorded.error()};
        }
        auto current = rules_json(connection);
        if (!current) return store::Error{current.error()};
        return Reply{200, current.value()};
    });
}

}  // namespace madoguchi::server::lending
