#include "tickets/ticket_notify.hpp"

#include "i18n/catalog.hpp"
#include "notifications/notification_routing.hpp"

namespace madoguchi::server::tickets {
namespace {

namespace domain = madoguchi::tickets;
using notifications::NotificationRequest;

std::string japanese(std::string_view key) { return i18n::text(key, i18n::Language::ja); }

// The client opens a ticket from this address; mail readers see where to look.
std::string ticket_url(const TicketRow& ticket) { return "/#/tickets/" + std::to_string(ticket.id); }

std::string due_text(const TicketRow& ticket) {
    if (!ticket.sla_due_at) return "-";
    const auto parsed = calendar::parse_iso8601(*ticket.sla_due_at);
    return parsed.instant ? calendar::format_iso8601_tokyo(*parsed.instant) : *ticket.sla_due_at;
}

notifications::RoutingSubject subject_of(const TicketRow& ticket, const notifications::InboxReference& loan) {
    return {ticket.requester_user_id, ticket.assignee_user_id, ticket.vendor_company,
            {ticket.id, ticket.number, loan.loan_request_id, loan.loan_request_number}};
}

store::Status send(store::Database& database, const TicketRow& ticket, std::string event,
                   notifications::PlaceholderValues values, const audit::Actor& actor,
                   const notifications::InboxReference& loan = {}) {
    values["ticket_number"] = ticket.number;
    values["title"] = ticket.title;
    values["url"] = ticket_url(ticket);
    return notifications::enqueue_routed(database, NotificationRequest{std::move(event), {}, {}, std::move(values)},
                                         subject_of(ticket, loan), actor);
}

}  // namespace

store::Status notify_ticket_change(store::Database& database, const std::optional<TicketRow>& before,
                                   const TicketRow& after, const audit::Actor& actor,
                                   const notifications::InboxReference& loan) {
    if (!before && after.kind == domain::TicketKind::security_incident) {
        auto told = send(database, after, "security.reported",
                         {{"reporter", after.requester_login}, {"severity", japanese(domain::priority_label_key(after.priority))}},
                         actor, loan);
        if (!told) return told;
    }
    if (before && before->state != after.state) {
        auto told = send(database, after, "ticket.status_changed",
                         {{"from_state", japanese(domain::state_label_key(before->state))},
                          {"to_state", japanese(domain::state_label_key(after.state))},
                          {"actor", actor.name}},
                         actor, loan);
        if (!told) return told;
    }
    if (after.assignee_user_id && (!before || before->assignee_user_id != after.assignee_user_id)) {
        auto told = send(database, after, "ticket.assigned", {{"assignee", after.assignee_login}, {"actor", actor.name}}, actor,
                         loan);
        if (!told) return told;
    }
    if (!after.vendor_company.empty() && (!before || before->vendor_company != after.vendor_company)) {
        auto told = send(database, after, "vendor.task", {{"vendor", after.vendor_company}, {"due_at", due_text(after)}}, actor,
                         loan);
        if (!told) return told;
    }
    return store::success();
}

store::Status notify_escalation(store::Database& database, const TicketRow& ticket,
                                const domain::EscalationRule& rule, const audit::Actor& actor) {
    return send(database, ticket, "ticket.escalated",
                {{"reason", japanese(domain::target_label_key(rule.target))}, {"due_at", due_text(ticket)}}, actor);
}

}  // namespace madoguchi::server::tickets
