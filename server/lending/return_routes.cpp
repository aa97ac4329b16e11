#include "lending/return_routes.hpp"

#include "audit/audit_log.hpp"
#include "http/body_reader.hpp"
#include "http/errors.hpp"
#include "http/transaction_reply.hpp"
#include "i18n/catalog.hpp"
#include "identity/principal.hpp"
#include "identity/request_actor.hpp"
#include "inventory/device_class.hpp"
#include "lending/counter_lookup.hpp"
#include "lending/location_name.hpp"
#include "lending/counter_scan.hpp"
#include "lending/kitting_store.hpp"
#include "lending/lent_accessories.hpp"
#include "lending/ledger_moves.hpp"
#include "lending/request_store.hpp"
#include "lending/return_inspection.hpp"
#include "tickets/ticket_create.hpp"

namespace madoguchi::server::lending {
namespace {

namespace domain = madoguchi::lending;
using http::Reply;
using madoguchi::inventory::AssetState;
using nlohmann::json;

struct Return {
    std::string tag;
    std::string card;
    std::optional<std::int64_t> counter_location_id;
    domain::InspectionFindings findings;
};

// The body, or empty after the 400 was sent.
std::optional<Return> read_return(const httplib::Request& request, httplib::Response& response) {
    const auto object = http::json_object(request, response);
    if (!object) return std::nullopt;
    http::BodyReader reader(*object, {"tag", "findings", "counter_location_id", "card"});
    Return taken{reader.string("tag"), reader.optional_string("card").value_or(""),
                 reader.optional_integer("counter_location_id"), {}};
    static const json none = json::object();
    const auto found = object->find("findings");
    const auto& findings = found == object->end() || found->is_null() ? none : *found;
    http::BodyReader inner(findings, {"damaged", "damage_description", "missing_accessories"});
    taken.findings.damaged = inner.optional_boolean("damaged").value_or(false);
    taken.findings.damage_description = inner.optional_string("damage_description").value_or("");
    taken.findings.missing_accessories = inner.optional_strings("missing_accessories").value_or(std::vector<std::string>{});
    for (const auto& [field, reason] : inner.problems()) {
        reader.add_problem(field.empty() ? "findings" : "findings." + field, reason);
    }
    if (auto refusal = reader.refusal()) {
        http::send_error(response, refusal->status, refusal->error);
        return std::nullopt;
    }
    return taken;
}

Reply inspection_refusal(const std::vector<validation::FieldProblem>& problems) {
    std::vector<validation::FieldProblem> named;
    for (const auto& problem : problems) {
        named.push_back({problem.field == "state" ? "tag" : "findings." + problem.field, problem.reason_key});
    }
    return http::refusal(422, api::validation_error(named));
}

using Opened = std::variant<json, Reply>;

// The repair ticket for a damaged device, opened for the borrower by the operator.
store::Result<Opened> open_repair_ticket(store::Database& database,
                                                             const domain::RepairTicketRequest& repair,
                                                             std::int64_t device_id, const http::RequestContext& context,
                                                             const audit::Actor& actor) {
    tickets::Creation creation;
    creation.draft.kind = "incident";
    creation.draft.title = i18n::text("lending.inspection.repair_title", i18n::Language::ja) + " " + repair.asset_tag;
    creation.draft.body = repair.description;
    creation.draft.category = "device";
    creation.basics = *madoguchi::tickets::basics_of(creation.draft);
    creation.device_ids = {device_id};
    creation.requester_login = repair.borrower_login;
    auto written = tickets::write_ticket(database, creation, *context.principal, actor, calendar::now());
    if (!written) return store::Error{written.error()};
    if (auto* refused = std::get_if<idempotency::Answer>(&written.value())) return Opened(Reply{refused->status, refused->body});
    const auto& ticket = std::get<tickets::TicketRow>(written.value());
    const auto document = tickets::to_json(ticket);
    const audit::AuditEntry entry{actor, "ticket.created", "ticket", std::to_string(ticket.id), std::nullopt, document};
    if (auto recorded = audit::record(database, entry); !recorded) return store::Error{recorded.error()};
    return Opened(document);
}

}  // namespace

void take_back(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
               const http::RequestContext& context) {
    const auto taken = read_return(request, response);
    if (!taken) return;
    const auto actor = identity::actor_of(context);
    http::answer_in_transaction(database, request, response, [&](store::Database& connection) -> store::Result<Reply> {
        std::string login;
        if (!taken->card.empty()) {
            auto person = person_by_card(connection, taken->card);
            if (!person) return store::Error{person.error()};
            if (auto* unknown = std::get_if<Reply>(&person.value())) return *unknown;
            login = std::get<identity::UserRecord>(person.value()).fields.login;
        }
        auto found = device_by_tag(connection, taken->tag);
        if (!found) return store::Error{found.error()};
        if (auto* unknown = std::get_if<Reply>(&found.value())) return *unknown;
        const auto& device = std::get<CounterDevice>(found.value());
        const auto verdict = return_verdict(device, login);
        if (!verdict.refusal.empty()) return http::refusal(409, api::field_error("return_refused", "tag", verdict.refusal));
        std::optional<std::string> counter;
        if (taken->counter_location_id) {
            auto name = location_name(connection, *taken->counter_location_id);
            if (!name) return store::Error{name.error()};
            if (!name.value()) {
                return http::refusal(422, api::field_error("validation_failed", "counter_location_id", "field.unknown_location"));
            }
            counter = name.value();
        } else if (device.state != AssetState::in_transit) {
            // Only a device back by post has no counter.
            return http::refusal(422, api::field_error("validation_failed", "counter_location_id", "field.required"));
        }
        auto loan = find_request(connection, verdict.loan->request_id);
        if (!loan) return store::Error{loan.error()};
        const auto& before = *loan.value();
        const auto* device_class = madoguchi::inventory::find_device_class(device.class_code);
        if (!device_class) return store::Error{"device " + device.asset_tag + " has no known class"};
        domain::ReturnedDevice returned{*device_class, device.asset_tag, device.state, {}, before.requester_login};
        returned.accessories = lent_accessories(*device_class, device.accessories, before.accessories);
        const auto inspected = domain::inspect_return(returned, taken->findings);
        if (const auto* problems = std::get_if<std::vector<validation::FieldProblem>>(&inspected)) {
            return inspection_refusal(*problems);
        }
        const auto& decision = std::get<domain::InspectionDecision>(inspected);
        if (auto moved = move_device(connection, device.id, decision.next_state, before.number, actor); !moved) {
            return store::Error{moved.error()};
        }
        const auto now = calendar::now();
        ReturnRow row{before.id, device.id, taken->counter_location_id, actor.name,
                      std::string(domain::outcome_name(decision.outcome)), taken->findings.damage_description,
                      decision.missing_accessories, std::nullopt, std::nullopt, calendar::format_iso8601_utc(now)};
        json ticket;
        if (decision.repair_ticket) {
            auto opened = open_repair_ticket(connection, *decision.repair_ticket, device.id, context, actor);
            if (!opened) return store::Error{opened.error()};
            if (auto* refused = std::get_if<Reply>(&opened.value())) return *refused;
            ticket = std::get<json>(opened.value());
            row.repair_ticket_id = ticket["id"].get<std::int64_t>();
        } else {
            auto task = insert_kitting_task(connection, device.id, std::nullopt, now);
            if (!task) return store::Error{task.error()};
            row.kitting_task_id = task.value();
        }
        auto id = insert_return(connection, row);
        if (!id) return store::Error{id.error()};
        auto counts = allocation_counts(connection, before.id);
        if (!counts) return store::Error{counts.error()};
        if (counts.value().not_returned == 0) {
            auto set = set_request_state(connection, before, domain::RequestState::returned, actor.name, "", now);
            if (!set) return store::Error{set.error()};
            if (!set.value()) return store::Error{"loan request " + before.number + " changed inside the transaction"};
        }
        auto after = find_request(connection, before.id);
        if (!after) return store::Error{after.error()};
        const json receipt{
            {"return_id", id.value()},
            {"request_id", before.id},
            {"request_number", before.number},
            {"request_state", domain::state_name(after.value()->state)},
            {"borrower", {{"login", before.requester_login}, {"name", before.requester_name}}},
            {"asset_tag", device.asset_tag},
            {"outcome", row.outcome},
            {"next_state", madoguchi::inventory::state_name(decision.next_state)},
            {"missing_accessories", decision.missing_accessories},
            {"repair_ticket", ticket.is_null() ? json() : json{{"id", ticket["id"]}, {"number", ticket["number"]}}},
            {"kitting_task_id", row.kitting_task_id ? json(*row.kitting_task_id) : json()},
            {"counter", counter ? json{{"id", *taken->counter_location_id}, {"name", *counter}} : json()},
            {"operator", {{"login", actor.name}, {"name", context.principal->user.fields.name}}},
            {"due_date", calendar::format_date(before.due_date)},
            {"returned_at", row.returned_at}};
        auto document = to_json(*after.value());
        document["return"] = receipt;
        const audit::AuditEntry entry{actor, "loan_request.device_returned", "loan_request", std::to_string(before.id),
                                      to_json(before), document};
        if (auto recorded = audit::record(connection, entry); !recorded) return store::Error{recorded.error()};
        return Reply{201, {{"return", receipt}}};
    });
}

}  // namespace madoguchi::server::lending
