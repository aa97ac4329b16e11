#include "tickets/ticket_escalation.hpp"

#include <string>
#include <vector>

#include "audit/audit_log.hpp"
#include "tickets/escalation.hpp"
#include "tickets/ticket_notify.hpp"
#include "tickets/ticket_sla.hpp"

namespace madoguchi::server::tickets {
namespace {

namespace domain = madoguchi::tickets;
using calendar::Instant;

store::Result<std::vector<std::string>> fired_rules(store::Database& database, std::int64_t ticket_id) {
    auto select = database.prepare("SELECT rule_id FROM ticket_escalations WHERE ticket_id = ?1");
    if (!select) return store::Error{select.error()};
    select.value().bind(1, ticket_id);
    std::vector<std::string> fired;
    while (true) {
        auto row = select.value().step();
        if (!row) return store::Error{row.error()};
        if (!row.value()) return fired;
        fired.push_back(select.value().column_text(0));
    }
}

store::Status record_fired(store::Database& database, std::int64_t ticket_id, std::string_view rule_id, Instant now) {
    auto insert = database.prepare("INSERT INTO ticket_escalations (ticket_id, rule_id, fired_at) VALUES (?1, ?2, ?3)");
    if (!insert) return store::Error{insert.error()};
    insert.value().bind(1, ticket_id).bind(2, rule_id).bind(3, calendar::format_iso8601_utc(now));
    if (auto done = insert.value().step(); !done) return store::Error{done.error()};
    return store::success();
}

using DueRules = std::vector<const domain::EscalationRule*>;

store::Result<DueRules> due_for(store::Database& database, const TicketRow& ticket, Instant now) {
    auto fired = fired_rules(database, ticket.id);
    if (!fired) return store::Error{fired.error()};
    const std::vector<std::string_view> fired_ids(fired.value().begin(), fired.value().end());
    auto clock = sla_clock_of(database, ticket, now);
    if (!clock) return store::Error{clock.error()};
    return domain::due_escalations(domain::escalation_rules(), {ticket.kind, ticket.priority, clock.value(), fired_ids, now});
}

// The rules due for one ticket, fired in its own transaction; how many fired.
store::Result<std::int64_t> escalate(store::Database& database, std::int64_t ticket_id, Instant now) {
    std::int64_t fired_now = 0;
    auto done = database.transaction([&]() -> store::Status {
        // Read again inside the transaction: a request may have moved the ticket meanwhile.
        auto found = find_ticket(database, ticket_id);
        if (!found) return store::Error{found.error()};
        if (!found.value()) return store::success();
        const auto& before = *found.value();
        auto due_now = due_for(database, before, now);
        if (!due_now) return store::Error{due_now.error()};
        const auto& due = due_now.value();
        if (due.empty()) return store::success();
        auto after = before;
        std::string rule_ids;
        for (const auto* rule : due) {
            if (auto recorded = record_fired(database, ticket_id, rule->id, now); !recorded) return recorded;
            if (after.escalation_target != "it_office") after.escalation_target = std::string(domain::target_name(rule->target));
            if (!rule_ids.empty()) rule_ids += ", ";
            rule_ids += rule->id;
        }
        auto written = update_ticket(database, after, before.version, now);
        if (!written) return store::Error{written.error()};
        TicketEvent event;
        event.occurred_at = calendar::format_iso8601_utc(now);
        event.actor = audit::system_actor.name;
        event.type = "escalated";
        event.comment = rule_ids;
        event.visibility = "internal";
        if (auto inserted = insert_event(database, ticket_id, std::nullopt, event); !inserted) {
            return store::Error{inserted.error()};
        }
        auto reread = find_ticket(database, ticket_id);
        if (!reread) return store::Error{reread.error()};
        const auto& stored = *reread.value();
        auto audited_after = to_json(stored);
        audited_after["rules"] = rule_ids;
        const audit::AuditEntry entry{audit::system_actor, "ticket.escalated", "ticket", std::to_string(ticket_id),
                                      to_json(before), audited_after};
        if (auto recorded = audit::record(database, entry); !recorded) return recorded;
        for (const auto* rule : due) {
            if (auto told = notify_escalation(database, stored, *rule, audit::system_actor); !told) return told;
        }
        fired_now = static_cast<std::int64_t>(due.size());
        return store::success();
    });
    if (!done) return store::Error{done.error()};
    return fired_now;
}

}  // namespace

store::Result<EscalationSweep> run_escalations(store::Database& database, Instant now) {
    EscalationSweep sweep;
    auto recomputed = database.transaction([&]() -> store::Status {
        auto changed = recompute_open_ticket_clocks(database, now);
        if (!changed) return store::Error{changed.error()};
        sweep.clocks_changed = changed.value();
        return store::success();
    });
    if (!recomputed) return store::Error{recomputed.error()};
    auto open = open_tickets(database);
    if (!open) return store::Error{open.error()};
    for (const auto& ticket : open.value()) {
        // Most ticks find nothing due: only then is a write transaction opened.
        auto due = due_for(database, ticket, now);
        if (!due) return store::Error{due.error()};
        if (due.value().empty()) continue;
        auto fired = escalate(database, ticket.id, now);
        if (!fired) return store::Error{fired.error()};
        sweep.rules_fired += fired.value();
    }
    return sweep;
}

}  // namespace madoguchi::server::tickets
