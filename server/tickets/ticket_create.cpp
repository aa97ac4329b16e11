#include "tickets/ticket_create.hpp"

#include "audit/audit_log.hpp"
#include "http/body_reader.hpp"
#include "identity/principal.hpp"
#include "identity/request_actor.hpp"
#include "identity/user_store.hpp"
#include "tickets/ticket_access.hpp"
#include "tickets/ticket_detail.hpp"
#include "tickets/ticket_draft.hpp"
#include "tickets/ticket_notify.hpp"
#include "tickets/ticket_sla.hpp"
#include "tickets/workflow.hpp"

namespace madoguchi::server::tickets {
namespace {

namespace domain = madoguchi::tickets;
using idempotency::Answer;
using Written = std::variant<Answer, TicketRow>;

Answer refused(int status, const api::ApiError& error) { return Answer{status, api::to_json(error)}; }

Answer field_refusal(int status, std::string_view code, std::string_view field, std::string_view reason) {
    return refused(status, api::field_error(code, field, reason));
}

// An optional array of positive ids; a problem is added to the reader under `name`.
std::vector<std::int64_t> ids_of(const nlohmann::json& body, std::string_view name, http::BodyReader& reader) {
    std::vector<std::int64_t> ids;
    const auto found = body.find(std::string(name));
    if (found == body.end() || found->is_null()) return ids;
    if (!found->is_array()) {
        reader.add_problem(name, "field.not_array");
        return ids;
    }
    for (const auto& item : *found) {
        if (!item.is_number_integer() || item.get<std::int64_t>() < 1) {
            reader.add_problem(name, "field.not_positive");
            return {};
        }
        ids.push_back(item.get<std::int64_t>());
    }
    return ids;
}

store::Result<Answer> create(store::Database& database, const Creation& creation, const identity::Principal& principal,
                             const audit::Actor& actor) {
    const auto now = calendar::now();
    auto written = write_ticket(database, creation, principal, actor, now);
    if (!written) return store::Error{written.error()};
    if (auto* refusal = std::get_if<Answer>(&written.value())) return *refusal;
    const auto& ticket = std::get<TicketRow>(written.value());
    const audit::AuditEntry entry{actor, "ticket.created", "ticket", std::to_string(ticket.id), std::nullopt, to_json(ticket)};
    if (auto recorded = audit::record(database, entry); !recorded) return store::Error{recorded.error()};
    auto detail = ticket_detail(database, principal, ticket, now);
    if (!detail) return store::Error{detail.error()};
    return Answer{201, detail.value()};
}

}  // namespace

store::Result<Written> write_ticket(store::Database& database, const Creation& creation,
                                                           const identity::Principal& principal,
                                                           const audit::Actor& actor, calendar::Instant now) {
    const auto& roles = principal.user.fields.roles;
    if (!domain::may_create(creation.basics.kind, roles)) {
        return Written{field_refusal(403, "forbidden", "kind", "field.not_creator")};
    }
    auto requester = principal.user;
    if (creation.requester_login) {
        // Phone and counter intake: the desk writes down what the requester says.
        if (!is_desk(principal)) return Written{field_refusal(403, "forbidden", "requester_login", "field.desk_only")};
        auto found = identity::find_user_by_login(database, *creation.requester_login);
        if (!found) return store::Error{found.error()};
        if (!found.value()) return Written{field_refusal(422, "validation_failed", "requester_login", "field.unknown_user")};
        requester = *found.value();
    }
    for (const auto id : creation.device_ids) {
        auto exists = row_exists(database, "devices", id);
        if (!exists) return store::Error{exists.error()};
        if (!exists.value()) return Written{field_refusal(422, "validation_failed", "device_ids", "field.unknown_device")};
    }
    for (const auto id : creation.item_ids) {
        auto exists = row_exists(database, "configuration_items", id);
        if (!exists) return store::Error{exists.error()};
        if (!exists.value()) {
            return Written{field_refusal(422, "validation_failed", "configuration_item_ids", "field.unknown_configuration_item")};
        }
    }
    const auto& basics = creation.basics;
    const NewTicket ticket{basics.kind,
                           domain::workflow_of(basics.kind).initial,
                           creation.draft.title,
                           creation.draft.body,
                           requester.id,
                           requester.fields.division_code,
                           creation.draft.category,
                           basics.priority,
                           basics.impact ? std::string(domain::impact_name(*basics.impact)) : std::string(),
                           basics.urgency ? std::string(domain::urgency_name(*basics.urgency)) : std::string()};
    auto id = insert_ticket(database, ticket, now);
    if (!id) return store::Error{id.error()};
    TicketEvent created;
    created.occurred_at = calendar::format_iso8601_utc(now);
    created.actor = principal.user.fields.login;
    created.type = "created";
    created.to_state = std::string(domain::state_name(ticket.state));
    if (auto event = insert_event(database, id.value(), principal.user.id, created); !event) {
        return store::Error{event.error()};
    }
    for (const auto device : creation.device_ids) {
        if (auto linked = insert_link(database, id.value(), {std::nullopt, device, std::nullopt}, actor.name, now); !linked) {
            return store::Error{linked.error()};
        }
    }
    for (const auto item : creation.item_ids) {
        if (auto linked = insert_link(database, id.value(), {std::nullopt, std::nullopt, item}, actor.name, now); !linked) {
            return store::Error{linked.error()};
        }
    }
    auto stored = find_ticket(database, id.value());
    if (!stored) return store::Error{stored.error()};
    if (!stored.value()) return store::Error{"ticket " + std::to_string(id.value()) + " cannot be read back"};
    if (auto clock = store_sla_clock(database, *stored.value(), now); !clock) return store::Error{clock.error()};
    auto reread = find_ticket(database, id.value());
    if (!reread) return store::Error{reread.error()};
    // Who is told (the IT office of a security incident at once) is queued with the ticket.
    if (auto told = notify_ticket_change(database, std::nullopt, *reread.value(), actor, creation.loan); !told) {
        return store::Error{told.error()};
    }
    return Written{*reread.value()};
}

std::variant<Answer, idempotency::Write> prepare_ticket(const httplib::Request& request,
                                                        const http::RequestContext& context) {
    const auto parsed = http::parse_json_body(request);
    if (const auto* refusal = std::get_if<http::BodyRefusal>(&parsed)) return refused(refusal->status, refusal->error);
    const auto& body = std::get<nlohmann::json>(parsed);
    http::BodyReader reader(body, {"kind", "title", "body", "category", "priority", "impact", "urgency", "device_ids",
                                   "configuration_item_ids", "requester_login"});
    Creation creation;
    creation.draft.kind = reader.string("kind");
    creation.draft.title = reader.string("title");
    creation.draft.body = reader.string("body");
    creation.draft.category = reader.string("category");
    creation.draft.priority = reader.optional_string("priority");
    creation.draft.impact = reader.optional_string("impact");
    creation.draft.urgency = reader.optional_string("urgency");
    creation.requester_login = reader.optional_string("requester_login");
    creation.device_ids = ids_of(body, "device_ids", reader);
    creation.item_ids = ids_of(body, "configuration_item_ids", reader);
    if (auto refusal = reader.refusal()) return refused(refusal->status, refusal->error);
    if (const auto problems = domain::validate(creation.draft); !problems.empty()) {
        return refused(422, api::validation_error(problems));
    }
    creation.basics = *domain::basics_of(creation.draft);
    return idempotency::Write([creation = std::move(creation), principal = *context.principal,
                               actor = identity::actor_of(context)](store::Database& database) {
        return create(database, creation, principal, actor);
    });
}

}  // namespace madoguchi::server::tickets
