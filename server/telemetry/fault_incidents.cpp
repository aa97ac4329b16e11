#include "telemetry/fault_incidents.hpp"

#include <algorithm>
#include <string>

#include "audit/audit_log.hpp"
#include "i18n/catalog.hpp"
#include "identity/user_store.hpp"
#include "tickets/ticket_create.hpp"
#include "tickets/ticket_store.hpp"

namespace madoguchi::server::telemetry {

namespace {

namespace domain = madoguchi::telemetry;
namespace ticket_domain = madoguchi::tickets;

std::string japanese(std::string_view key) { return i18n::text(key, i18n::Language::ja); }

struct OpenIncident {
    std::int64_t id = 0;
    std::string condition;
    std::int64_t ticket_id = 0;
};

store::Result<std::vector<OpenIncident>> open_incidents(store::Database& database, std::int64_t device_id) {
    auto query = database.prepare(
        "SELECT id, condition, ticket_id FROM telemetry_fault_incidents WHERE device_id = ?1 AND cleared_at IS NULL");
    if (!query) return store::Error{query.error()};
    query.value().bind(1, device_id);
    std::vector<OpenIncident> open;
    for (;;) {
        auto row = query.value().step();
        if (!row) return store::Error{row.error()};
        if (!row.value()) break;
        open.push_back({query.value().column_int(0), query.value().column_text(1), query.value().column_int(2)});
    }
    return open;
}

// The desk account the tickets are filed under: the configured one, or the first operator.
store::Result<std::optional<identity::UserRecord>> requester(store::Database& database, const domain::LoopRules& rules) {
    if (!rules.incident_requester.empty()) return identity::find_user_by_login(database, rules.incident_requester);
    auto first = database.query_int(
        "SELECT min(u.id) FROM users u JOIN user_roles r ON r.user_id = u.id WHERE r.role = 'operator' AND u.disabled = 0");
    if (!first) return store::Error{first.error()};
    if (!first.value()) return std::optional<identity::UserRecord>();
    return identity::find_user(database, *first.value());
}

struct DeviceFacts {
    std::string asset_tag;
    std::string place;
    std::string vendor_company;
};

store::Result<DeviceFacts> facts_of(store::Database& database, std::int64_t device_id) {
    auto query = database.prepare(
        "SELECT d.asset_tag, coalesce(l.building || ' ' || l.floor || ' ' || l.room, ''), coalesce(v.vendor_company, '') "
        "FROM devices d LEFT JOIN locations l ON l.id = d.location_id LEFT JOIN device_models m ON m.id = d.model_id "
        "LEFT JOIN telemetry_vendors v ON v.maker = m.maker WHERE d.id = ?1");
    if (!query) return store::Error{query.error()};
    query.value().bind(1, device_id);
    auto found = query.value().step();
    if (!found) return store::Error{found.error()};
    if (!found.value()) return store::Error{"device " + std::to_string(device_id) + " is gone"};
    return DeviceFacts{query.value().column_text(0), query.value().column_text(1), query.value().column_text(2)};
}

store::Status open_incident(store::Database& database, std::int64_t device_id, domain::Condition condition,
                            const domain::LoopRules& rules, calendar::Instant now) {
    const auto& policy = domain::policy_of(condition);
    auto user = requester(database, rules);
    if (!user) return store::Error{user.error()};
    // Without a desk account there is nobody to file under: nothing opens, and the first cycle
    // after one exists opens what is still seen. Recording the readings never fails on it.
    if (!user.value()) return store::success();
    auto facts = facts_of(database, device_id);
    if (!facts) return store::Error{facts.error()};
    const auto label = japanese(domain::condition_label_key(condition));
    tickets::Creation creation;
    creation.draft.kind = std::string(ticket_domain::kind_name(ticket_domain::TicketKind::incident));
    creation.draft.title = label + ": " + facts.value().asset_tag;
    creation.draft.body = japanese("telemetry.incident.intro") + "\n\n" + japanese("telemetry.incident.device") + ": " +
                          facts.value().asset_tag + "\n" + japanese("telemetry.incident.place") + ": " + facts.value().place +
                          "\n" + japanese("telemetry.incident.condition") + ": " + label + "\n" +
                          japanese("telemetry.incident.detected_at") + ": " + calendar::format_iso8601_tokyo(now);
    if (policy.affects_users) creation.draft.body += "\n\n" + japanese("telemetry.incident.affects_users");
    creation.draft.category = "device";
    // A shared printer serves its floor's division: urgent when nobody there can print.
    creation.draft.impact = std::string(ticket_domain::impact_name(ticket_domain::Impact::division));
    creation.draft.urgency = std::string(
        ticket_domain::urgency_name(policy.affects_users ? ticket_domain::Urgency::high : ticket_domain::Urgency::low));
    const auto basics = ticket_domain::basics_of(creation.draft);
    if (!basics) return store::Error{"the incident ticket's draft is refused"};
    creation.basics = *basics;
    creation.device_ids = {device_id};
    const identity::Principal principal{*user.value(), "", ""};
    auto written = tickets::write_ticket(database, creation, principal, audit::system_actor, now);
    if (!written) return store::Error{written.error()};
    const auto* ticket = std::get_if<tickets::TicketRow>(&written.value());
    if (ticket == nullptr) return store::Error{"the incident ticket was refused"};
    auto handed = *ticket;
    handed.vendor_company = facts.value().vendor_company;
    if (policy.affects_users) handed.escalation_target = "it_office";
    if (auto updated = tickets::update_ticket(database, handed, ticket->version, now); !updated || !updated.value()) {
        return store::Error{updated ? "the incident ticket changed while it was opened" : updated.error()};
    }
    auto stored = tickets::find_ticket(database, ticket->id);
    if (!stored) return store::Error{stored.error()};
    const audit::AuditEntry created{audit::system_actor, "ticket.created", "ticket", std::to_string(ticket->id), std::nullopt,
                                    tickets::to_json(*stored.value())};
    if (auto recorded = audit::record(database, created); !recorded) return recorded;

    auto insert = database.prepare(
        "INSERT INTO telemetry_fault_incidents (device_id, condition, ticket_id, affects_users, opened_at) VALUES (?1, ?2, ?3, ?4, ?5)");
    if (!insert) return store::Error{insert.error()};
    insert.value()
        .bind(1, device_id).bind(2, domain::condition_name(condition)).bind(3, ticket->id)
        .bind(4, std::int64_t{policy.affects_users ? 1 : 0}).bind(5, calendar::format_iso8601_utc(now));
    if (auto done = insert.value().step(); !done) return store::Error{done.error()};
    const audit::AuditEntry opened{audit::system_actor, "telemetry.incident.opened", "fault_incident",
                                   std::to_string(database.last_insert_id()), std::nullopt,
                                   nlohmann::json{{"device_id", device_id},
                                                  {"condition", domain::condition_name(condition)},
                                                  {"ticket_id", ticket->id},
                                                  {"affects_users", policy.affects_users}}};
    return audit::record(database, opened);
}

store::Status clear_incident(store::Database& database, const OpenIncident& incident, calendar::Instant now) {
    const auto at = calendar::format_iso8601_utc(now);
    auto update = database.prepare("UPDATE telemetry_fault_incidents SET cleared_at = ?2 WHERE id = ?1");
    if (!update) return store::Error{update.error()};
    update.value().bind(1, incident.id).bind(2, at);
    if (auto done = update.value().step(); !done) return store::Error{done.error()};
    tickets::TicketEvent note;
    note.occurred_at = at;
    note.actor = audit::system_actor.name;
    note.type = "note";
    const auto condition = domain::parse_condition(incident.condition);
    note.comment = (condition ? japanese(domain::condition_label_key(*condition)) : incident.condition) + ": " +
                   japanese("telemetry.incident.cleared") + " (" + calendar::format_iso8601_tokyo(now) + ")";
    note.visibility = "public";
    if (auto inserted = tickets::insert_event(database, incident.ticket_id, std::nullopt, note); !inserted) {
        return store::Error{inserted.error()};
    }
    const audit::AuditEntry cleared{audit::system_actor, "telemetry.incident.cleared", "fault_incident",
                                    std::to_string(incident.id), nlohmann::json{{"cleared_at", nullptr}},
                                    nlohmann::json{{"cleared_at", at}, {"ticket_id", incident.ticket_id}}};
    return audit::record(database, cleared);
}

}  // namespace

store::Status update_fault_incidents(store::Database& database, std::int64_t device_id, bool answered,
                                     std::span<const domain::Condition> conditions, const domain::LoopRules& rules,
                                     calendar::Instant now) {
    auto open = open_incidents(database, device_id);
    if (!open) return store::Error{open.error()};
    const auto is_open = [&](domain::Condition condition) {
        return std::any_of(open.value().begin(), open.value().end(),
                           [&](const OpenIncident& incident) { return incident.condition == domain::condition_name(condition); });
    };
    for (const auto condition : conditions) {
        if (!domain::policy_of(condition).opens_vendor_incident || is_open(condition)) continue;
        if (!answered && condition != domain::Condition::unreachable) continue;
        if (auto opened = open_incident(database, device_id, condition, rules, now); !opened) return opened;
    }
    for (const auto& incident : open.value()) {
        const auto condition = domain::parse_condition(incident.condition);
        const bool seen = condition && std::find(conditions.begin(), conditions.end(), *condition) != conditions.end();
        // A silent device's old reading neither confirms nor clears its other conditions.
        if (seen || (!answered && condition != domain::Condition::unreachable)) continue;
        if (auto cleared = clear_incident(database, incident, now); !cleared) return cleared;
    }
    return store::success();
}

store::Result<nlohmann::json> fault_incidents_json(store::Database& database, std::int64_t device_id, bool open_only,
                                                   bool affects_users_only, std::int64_t limit, std::int64_t offset) {
    auto query = database.prepare(
        "SELECT f.id, f.device_id, d.asset_tag, f.condition, f.ticket_id, t.number, t.state, f.affects_users, f.opened_at, "
        "f.cleared_at FROM telemetry_fault_incidents f JOIN devices d ON d.id = f.device_id JOIN tickets t ON t.id = f.ticket_id "
        "WHERE (?1 = 0 OR f.device_id = ?1) AND (?2 = 0 OR f.cleared_at IS NULL) AND (?3 = 0 OR f.affects_users = 1) "
        "ORDER BY f.id DESC LIMIT ?4 OFFSET ?5");
    if (!query) return store::Error{query.error()};
    query.value().bind(1, device_id).bind(2, std::int64_t{open_only ? 1 : 0}).bind(3, std::int64_t{affects_users_only ? 1 : 0})
        .bind(4, limit).bind(5, offset);
    auto list = nlohmann::json::array();
    for (;;) {
        auto row = query.value().step();
        if (!row) return store::Error{row.error()};
        if (!row.value()) break;
        const auto& s = query.value();
        list.push_back({{"id", s.column_int(0)},
                        {"device_id", s.column_int(1)},
                        {"asset_tag", s.column_text(2)},
                        {"condition", s.column_text(3)},
                        {"ticket_id", s.column_int(4)},
                        {"ticket_number", s.column_text(5)},
                        {"ticket_state", s.column_text(6)},
                        {"affects_users", s.column_int(7) == 1},
                        {"opened_at", s.column_text(8)},
                        {"cleared_at", s.column_is_null(9) ? nlohmann::json(nullptr) : nlohmann::json(s.column_text(9))}});
    }
    return list;
}

}  // namespace madoguchi::server::telemetry
