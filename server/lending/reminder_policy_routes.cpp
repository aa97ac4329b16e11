#include "lending/reminder_policy_routes.hpp"

#include <algorithm>

#include "audit/audit_log.hpp"
#include "http/body_reader.hpp"
#include "http/errors.hpp"
#include "http/transaction_reply.hpp"
#include "identity/request_actor.hpp"
#include "lending/reminder_policy_store.hpp"

namespace madoguchi::server::lending {
namespace {

namespace domain = madoguchi::lending;
using http::Reply;
using validation::FieldProblem;

struct PolicyEdit {
    domain::ReminderPolicy policy;
    std::int64_t version = 0;
};

store::Result<nlohmann::json> policies_json(store::Database& database) {
    auto policies = load_reminder_policies(database);
    if (!policies) return store::Error{policies.error()};
    auto items = nlohmann::json::array();
    for (const auto& stored : policies.value()) items.push_back(to_json(stored));
    return nlohmann::json{{"policies", items}};
}

int small(std::int64_t value) { return static_cast<int>(std::clamp<std::int64_t>(value, -1, 100000)); }

// Business days as a list of whole numbers; a problem named after the member otherwise.
std::vector<int> read_days(const nlohmann::json& element, const char* name, http::BodyReader& reader) {
    std::vector<int> days;
    const auto found = element.find(name);
    if (found == element.end() || found->is_null()) {
        reader.add_problem(name, "field.required");
        return days;
    }
    if (!found->is_array()) {
        reader.add_problem(name, "field.not_array");
        return days;
    }
    for (const auto& day : *found) {
        if (!day.is_number_integer()) {
            reader.add_problem(name, "field.not_integer_items");
            return {};
        }
        days.push_back(day.is_number_unsigned() ? small(static_cast<std::int64_t>(std::min<std::uint64_t>(
                                                       day.get<std::uint64_t>(), 100000)))
                                                : small(day.get<std::int64_t>()));
    }
    return days;
}

// Shape problems under "policies[i].<field>" make one 400; value problems are collected.
std::variant<std::vector<PolicyEdit>, api::ApiError> read_edits(const nlohmann::json& body,
                                                               std::vector<FieldProblem>& problems) {
    auto error = api::make_error("bad_request");
    for (const auto& [name, value] : body.items()) {
        if (name != "policies") api::add_field(error, name, "field.unknown_field");
    }
    if (!body.contains("policies") || !body["policies"].is_array()) {
        api::add_field(error, "policies", body.contains("policies") ? "field.not_array" : "field.required");
        return error;
    }
    std::vector<PolicyEdit> edits;
    for (std::size_t index = 0; index < body["policies"].size(); ++index) {
        const auto prefix = "policies[" + std::to_string(index) + "].";
        const auto& element = body["policies"][index];
        http::BodyReader reader(element, {"class_code", "before_due", "after_due", "send_minute", "escalate_after",
                                          "copy_division_manager", "version"});
        PolicyEdit edit;
        if (element.is_object()) {
            edit.policy.class_code = reader.string("class_code");
            edit.policy.before_due = read_days(element, "before_due", reader);
            edit.policy.after_due = read_days(element, "after_due", reader);
            edit.policy.send_minute = small(reader.integer("send_minute"));
            edit.policy.escalate_after = small(reader.integer("escalate_after"));
            edit.policy.copy_division_manager = reader.boolean("copy_division_manager");
            edit.version = reader.integer("version");
        }
        for (const auto& [field, reason] : reader.problems()) {
            api::add_field(error, field.empty() ? prefix.substr(0, prefix.size() - 1) : prefix + field, reason);
        }
        if (!reader.problems().empty()) continue;
        if (!domain::find_reminder_policy(domain::default_reminder_policies(), edit.policy.class_code)) {
            problems.push_back({prefix + "class_code", "field.unknown_class"});
        }
        for (auto& problem : domain::check_reminder_policy(edit.policy)) {
            problems.push_back({prefix + problem.field, std::move(problem.reason_key)});
        }
        edits.push_back(std::move(edit));
    }
    if (!error.fields.empty()) return error;
    return edits;
}

}  // namespace

void list_reminder_policies(store::SharedDatabase& database, const httplib::Request& request,
                            httplib::Response& response, const http::RequestContext&) {
    auto answer = database.use([](store::Database& connection) { return policies_json(connection); });
    if (!answer) return http::send_failure(request, response, answer.error());
    http::send_json(response, 200, answer.value());
}

void replace_reminder_policies(store::SharedDatabase& database, const httplib::Request& request,
                               httplib::Response& response, const http::RequestContext& context) {
    const auto object = http::json_object(request, response);
    if (!object) return;
    std::vector<FieldProblem> problems;
    auto read = read_edits(*object, problems);
    if (const auto* error = std::get_if<api::ApiError>(&read)) return http::send_error(response, 400, *error);
    if (!problems.empty()) return http::send_error(response, 422, api::validation_error(problems));
    const auto actor = identity::actor_of(context);
    http::answer_in_transaction(database, request, response, [&](store::Database& connection) -> store::Result<Reply> {
        const auto now = calendar::now();
        for (const auto& edit : std::get<std::vector<PolicyEdit>>(read)) {
            auto before = find_reminder_policy(connection, edit.policy.class_code);
            if (!before) return store::Error{before.error()};
            if (!before.value()) return store::Error{"no stored reminder policy for " + edit.policy.class_code};
            auto saved = save_reminder_policy(connection, edit.policy, edit.version, actor.name, now);
            if (!saved) return store::Error{saved.error()};
            if (!saved.value()) {
                auto current = policies_json(connection);
                if (!current) return store::Error{current.error()};
                auto body = api::to_json(api::make_error("stale_version"));
                body["policies"] = current.value()["policies"];
                return Reply{409, body};
            }
            auto after = find_reminder_policy(connection, edit.policy.class_code);
            if (!after) return store::Error{after.error()};
            const audit::AuditEntry entry{actor, "loan_reminder_policy.updated", "loan_reminder_policy",
                                          edit.policy.class_code, to_json(*before.value()), to_json(*after.value())};
            if (auto recorded = audit::record(connection, entry); !recorded) return store::Error{recorded.error()};
        }
        auto current = policies_json(connection);
        if (!current) return store::Error{current.error()};
        return Reply{200, current.value()};
    });
}

}  // namespace madoguchi::server::lending
