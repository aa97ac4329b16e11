#include "tickets/ticket_changes.hpp"

#include "http/body_reader.hpp"
#include "http/errors.hpp"
#include "http/paging.hpp"
#include "http/transaction_reply.hpp"
#include "i18n/catalog.hpp"
#include "identity/principal.hpp"
#include "identity/user_store.hpp"
#include "tickets/ticket_access.hpp"
#include "tickets/ticket_change_frame.hpp"
#include "tickets/ticket_draft.hpp"
#include "tickets/workflow.hpp"
#include "validation/text_rules.hpp"

namespace madoguchi::server::tickets {
namespace {

namespace domain = madoguchi::tickets;
using calendar::Instant;
using http::refusal;
using http::Reply;
using http::RequestContext;
using madoguchi::identity::Role;

Reply field_refusal(int status, std::string_view code, std::string_view field, std::string_view reason) {
    return refusal(status, api::field_error(code, field, reason));
}

// The error of a workflow refusal, saying why in both languages.
api::ApiError workflow_error(std::string_view code, std::string_view field, domain::TransitionRefusal refused) {
    auto error = api::make_error(code);
    const auto key = domain::refusal_key(refused);
    api::add_field(error, field, key);
    error.message = i18n::text(key, i18n::Language::en);
    error.message_ja = i18n::text(key, i18n::Language::ja);
    return error;
}

std::string action_of(const domain::Transition& move) {
    constexpr std::string_view prefix = "tickets.action.";
    auto action = move.action_key;
    if (action.starts_with(prefix)) action.remove_prefix(prefix.size());
    return std::string(action);
}

// Where the ticket goes decides its resolution instant: set on reaching a stop, kept through
// resolved → closed, cleared when it is reopened.
void follow_clock(TicketRow& row, Instant now) {
    const auto effect = domain::clock_effect(row.kind, row.state);
    if (effect == domain::ClockEffect::stopped) {
        if (!row.resolved_at) row.resolved_at = calendar::format_iso8601_utc(now);
    } else {
        row.resolved_at.reset();
    }
    // Any move out of the initial state answers the requester (compute_sla_clock agrees).
    if (!row.first_response_at) row.first_response_at = calendar::format_iso8601_utc(now);
}

}  // namespace

void transition_ticket(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
                       const RequestContext& context) {
    const auto object = http::json_object(request, response);
    if (!object) return;
    http::BodyReader reader(*object, {"to", "comment", "version"});
    const auto to_name = reader.string("to");
    const auto comment = reader.optional_string("comment").value_or("");
    const auto version = reader.integer("version");
    if (auto refused = reader.refusal()) return http::send_error(response, refused->status, refused->error);
    auto problems = api::make_error("validation_failed");
    const auto to = domain::parse_ticket_state(to_name);
    if (!to) api::add_field(problems, "to", "field.unknown_state");
    if (const auto problem = validation::text_problem(comment, 2000, false, true); !problem.empty()) {
        api::add_field(problems, "comment", problem);
    }
    if (!problems.fields.empty()) return http::send_error(response, 422, problems);
    const bool has_comment = validation::text_problem(comment, 2000, true, true).empty();
    run_change(database, request, response, context,
               [&](store::Database&, const Change& change) -> store::Result<Decision> {
                   const auto& before = change.before;
                   if (version != before.version) return Decision(stale(before));
                   const auto roles = acting_roles(*context.principal, before);
                   const auto check = domain::check_transition({before.kind, before.state, *to, roles, has_comment});
                   using domain::TransitionRefusal;
                   switch (check.refusal) {
                       case TransitionRefusal::none: break;
                       case TransitionRefusal::approval_role:
                           return Decision(refusal(403, workflow_error("approval_refused", "to", check.refusal)));
                       case TransitionRefusal::role_not_allowed:
                           return Decision(refusal(403, workflow_error("forbidden", "to", check.refusal)));
                       case TransitionRefusal::comment_required:
                           return Decision(refusal(422, workflow_error("validation_failed", "comment", check.refusal)));
                       default: {
                           auto body = api::to_json(workflow_error("transition_refused", "to", check.refusal));
                           auto allowed = nlohmann::json::array();
                           for (const auto target : check.allowed_targets) allowed.push_back(domain::state_name(target));
                           body["allowed"] = allowed;
                           return Decision(Reply{409, body});
                       }
                   }
                   Outcome outcome;
                   outcome.after = before;
                   outcome.after->state = *to;
                   follow_clock(*outcome.after, change.now);
                   const auto& move = *check.transition;
                   outcome.event.type = move.approval_by ? "approval" : "state";
                   outcome.event.from_state = std::string(domain::state_name(before.state));
                   outcome.event.to_state = std::string(domain::state_name(*to));
                   outcome.event.comment = comment;
                   if (move.approval_by) {
                       outcome.event.decision = action_of(move);
                       outcome.event.role = std::string(madoguchi::identity::role_name(*move.approval_by));
                   }
                   outcome.action = move.approval_by ? "ticket.decided" : "ticket.transitioned";
                   return Decision(std::move(outcome));
               });
}

void add_ticket_note(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
                     const RequestContext& context) {
    const auto object = http::json_object(request, response);
    if (!object) return;
    http::BodyReader reader(*object, {"text", "visibility"});
    const auto text = reader.string("text");
    const auto visibility = reader.optional_string("visibility").value_or("public");
    if (auto refused = reader.refusal()) return http::send_error(response, refused->status, refused->error);
    auto problems = api::make_error("validation_failed");
    if (const auto problem = validation::text_problem(text, 10000, true, true); !problem.empty()) {
        api::add_field(problems, "text", problem);
    }
    if (visibility != "public" && visibility != "internal") api::add_field(problems, "visibility", "field.unknown_visibility");
    if (!problems.fields.empty()) return http::send_error(response, 422, problems);
    const bool desk = is_desk(*context.principal);
    if (visibility == "internal" && !desk) {
        return refuse_audited(database, request, response, context,
                              field_refusal(403, "forbidden", "visibility", "field.desk_only"));
    }
    run_change(database, request, response, context,
               [&](store::Database& connection, const Change& change) -> store::Result<Decision> {
                   if (desk && visibility == "public") {
                       if (auto set = set_first_response_at(connection, change.before.id, change.now); !set) {
                           return store::Error{set.error()};
                       }
                   }
                   Outcome outcome;
                   outcome.event.type = "note";
                   outcome.event.comment = text;
                   outcome.event.visibility = visibility;
                   outcome.action = "ticket.noted";
                   outcome.status = 201;
                   return Decision(std::move(outcome));
               });
}

void update_ticket_fields(store::SharedDatabase& database, const httplib::Request& request,
                          httplib::Response& response, const RequestContext& context) {
    const auto object = http::json_object(request, response);
    if (!object) return;
    http::BodyReader reader(*object, {"version", "assignee", "vendor_company", "priority", "impact", "urgency",
                                      "category", "escalation_target"});
    const auto version = reader.integer("version");
    const bool clears_assignee = object->contains("assignee") && (*object)["assignee"].is_null();
    const auto assignee = reader.optional_string("assignee");
    const auto vendor_company = reader.optional_string("vendor_company");
    const auto priority = reader.optional_string("priority");
    const auto impact = reader.optional_string("impact");
    const auto urgency = reader.optional_string("urgency");
    const auto category = reader.optional_string("category");
    const auto escalation = reader.optional_string("escalation_target");
    if (auto refused = reader.refusal()) return http::send_error(response, refused->status, refused->error);

    // The draft's rules for the priority and the category, with the stored values elsewhere.
    domain::TicketDraft draft{"inquiry", "-", "-", category.value_or("other"), priority, impact, urgency};
    auto problems = api::validation_error(domain::validate(draft));
    if (escalation && *escalation != "" && *escalation != "vendor" && *escalation != "it_office") {
        api::add_field(problems, "escalation_target", "field.unknown_escalation_target");
    }
    const bool changes_something = clears_assignee || assignee || vendor_company || priority || impact || urgency ||
                                   category || escalation;
    if (!changes_something) api::add_field(problems, "", "field.no_change");
    if (!problems.fields.empty()) return http::send_error(response, 422, problems);
    const auto basics = domain::basics_of(draft);
    run_change(database, request, response, context,
               [&](store::Database& connection, const Change& change) -> store::Result<Decision> {
                   const auto& before = change.before;
                   if (version != before.version) return Decision(stale(before));
                   Outcome outcome;
                   auto after = before;
                   std::vector<std::string> changed;
                   if (clears_assignee) {
                       after.assignee_user_id.reset();
                       changed.push_back("assignee");
                   } else if (assignee) {
                       auto user = identity::find_user_by_login(connection, *assignee);
                       if (!user) return store::Error{user.error()};
                       if (!user.value()) return Decision(field_refusal(422, "validation_failed", "assignee", "field.unknown_user"));
                       const std::vector<Role> assignable{Role::desk_operator, Role::it_office, Role::vendor};
                       const auto& fields = user.value()->fields;
                       if (!madoguchi::identity::has_any_role(fields.roles, assignable)) {
                           return Decision(field_refusal(422, "validation_failed", "assignee", "field.not_assignable"));
                       }
                       after.assignee_user_id = user.value()->id;
                       // Work given to a vendor's engineer is handed to the company.
                       if (!vendor_company && madoguchi::identity::has_role(fields.roles, Role::vendor)) {
                           after.vendor_company = fields.vendor_company;
                       }
                       changed.push_back("assignee");
                   }
                   if (vendor_company) {
                       if (!vendor_company->empty()) {
                           auto known = connection.prepare("SELECT 1 FROM users WHERE vendor_company = ?1 LIMIT 1");
                           if (!known) return store::Error{known.error()};
                           known.value().bind(1, *vendor_company);
                           auto row = known.value().step();
                           if (!row) return store::Error{row.error()};
                           if (!row.value()) {
                               return Decision(field_refusal(422, "validation_failed", "vendor_company",
                                                    "field.unknown_vendor_company"));
                           }
                       }
                       after.vendor_company = *vendor_company;
                       changed.push_back("vendor_company");
                   }
                   if (priority || impact) {
                       after.priority = basics->priority;
                       after.impact = basics->impact ? std::string(domain::impact_name(*basics->impact)) : "";
                       after.urgency = basics->urgency ? std::string(domain::urgency_name(*basics->urgency)) : "";
                       changed.push_back("priority");
                   }
                   if (category) {
                       after.category = *category;
                       changed.push_back("category");
                   }
                   if (escalation) {
                       after.escalation_target = *escalation;
                       changed.push_back("escalation_target");
                   }
                   outcome.after = after;
                   outcome.event.type = "updated";
                   for (const auto& name : changed) {
                       if (!outcome.event.comment.empty()) outcome.event.comment += ", ";
                       outcome.event.comment += name;
                   }
                   outcome.event.visibility = "internal";
                   outcome.action = "ticket.updated";
                   return Decision(std::move(outcome));
               });
}

void link_ticket(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
                 const RequestContext& context) {
    const auto object = http::json_object(request, response);
    if (!object) return;
    http::BodyReader reader(*object, {"ticket_id", "device_id", "configuration_item_id"});
    LinkTarget target{reader.optional_integer("ticket_id"), reader.optional_integer("device_id"),
                      reader.optional_integer("configuration_item_id")};
    if (auto refused = reader.refusal()) return http::send_error(response, refused->status, refused->error);
    const int given = target.ticket_id.has_value() + target.device_id.has_value() + target.configuration_item_id.has_value();
    if (given != 1) {
        auto error = api::make_error("validation_failed");
        api::add_field(error, "", "field.one_link_target");
        return http::send_error(response, 422, error);
    }
    run_change(database, request, response, context,
               [&](store::Database& connection, const Change& change) -> store::Result<Decision> {
                   struct Kind {
                       std::optional<std::int64_t> id;
                       std::string_view table, field, unknown;
                   };
                   for (const Kind& kind : {Kind{target.ticket_id, "tickets", "ticket_id", "field.unknown_ticket"},
                                            Kind{target.device_id, "devices", "device_id", "field.unknown_device"},
                                            Kind{target.configuration_item_id, "configuration_items",
                                                 "configuration_item_id", "field.unknown_configuration_item"}}) {
                       if (!kind.id) continue;
                       auto exists = row_exists(connection, kind.table, *kind.id);
                       if (!exists) return store::Error{exists.error()};
                       if (!exists.value()) return Decision(field_refusal(422, "validation_failed", kind.field, kind.unknown));
                   }
                   if (target.ticket_id == change.before.id) {
                       return Decision(field_refusal(422, "validation_failed", "ticket_id", "field.link_to_itself"));
                   }
                   auto linked = insert_link(connection, change.before.id, target, context.principal->user.fields.login,
                                             change.now);
                   if (!linked) return store::Error{linked.error()};
                   if (!linked.value()) return Decision(refusal(409, api::make_error("already_linked")));
                   Outcome outcome;
                   outcome.event.type = "linked";
                   outcome.event.comment = describe(target);
                   outcome.action = "ticket.linked";
                   outcome.detail_extra = {{"link_id", *linked.value()}};
                   outcome.status = 201;
                   return Decision(std::move(outcome));
               });
}

void unlink_ticket(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
                   const RequestContext& context) {
    const auto link_id = http::parse_id(context.params.at("link_id"));
    if (const auto* error = std::get_if<api::ApiError>(&link_id)) return http::send_error(response, 400, *error);
    run_change(database, request, response, context,
               [&](store::Database& connection, const Change& change) -> store::Result<Decision> {
                   auto removed = delete_link(connection, change.before.id, std::get<std::int64_t>(link_id));
                   if (!removed) return store::Error{removed.error()};
                   if (!removed.value()) return Decision(refusal(404, api::make_error("not_found")));
                   const auto& link = *removed.value();
                   Outcome outcome;
                   outcome.event.type = "unlinked";
                   outcome.event.comment = describe(LinkTarget{link.ticket_id, link.device_id, link.configuration_item_id});
                   outcome.action = "ticket.unlinked";
                   outcome.detail_extra = nlohmann::json{{"removed_link", to_json(link)}};
                   return Decision(std::move(outcome));
               });
}

}  // namespace madoguchi::server::tickets
