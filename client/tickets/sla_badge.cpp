#include "tickets/sla_badge.hpp"

#include <cstdio>

#include "calendar/tokyo_time.hpp"
#include "tickets/ticket_list.hpp"
#include "tickets/workflow.hpp"
#include "ui/format.hpp"

namespace madoguchi::client {

namespace domain = madoguchi::tickets;

SlaBadge sla_badge_of(const TicketSummary& ticket) {
    SlaBadge badge;
    badge.due_at = ticket.sla_due_at;
    const auto kind = domain::parse_kind(ticket.kind);
    const auto state = domain::parse_ticket_state(ticket.state);
    const auto effect = kind && state ? domain::clock_effect(*kind, *state) : domain::ClockEffect::running;
    if (ticket.sla_breached) {
        badge.status = SlaStatus::breached;
    } else if (effect == domain::ClockEffect::paused) {
        badge.status = SlaStatus::paused;
    } else if (effect == domain::ClockEffect::stopped) {
        badge.status = SlaStatus::stopped;
    } else if (ticket.sla_near_breach) {
        badge.status = SlaStatus::near_breach;
    } else if (ticket.sla_due_at) {
        badge.status = SlaStatus::on_track;
    }
    return badge;
}

std::string short_tokyo_time(const std::string& iso) {
    const auto parsed = calendar::parse_iso8601(iso);
    if (!parsed.instant) return iso;
    const auto tokyo = calendar::to_tokyo(*parsed.instant);
    char text[32];
    std::snprintf(text, sizeof text, "%d/%d %s", tokyo.date.month, tokyo.date.day,
                  format_clock(tokyo.second_of_day / 60).c_str());
    return text;
}

std::string sla_badge_text(const SlaBadge& badge, i18n::Language language) {
    const auto due = badge.due_at ? short_tokyo_time(*badge.due_at) : std::string();
    const auto remaining = badge.remaining_minutes && *badge.remaining_minutes > 0
                               ? format_duration(*badge.remaining_minutes * 60, language)
                               : std::string();
    const char* key = nullptr;
    switch (badge.status) {
        case SlaStatus::none: return {};
        case SlaStatus::breached: key = "ticket_desk.sla.breached"; break;
        case SlaStatus::paused: key = "ticket_desk.sla.paused"; break;
        case SlaStatus::stopped: key = "ticket_desk.sla.stopped"; break;
        case SlaStatus::near_breach:
            key = remaining.empty() ? "ticket_desk.sla.near" : "ticket_desk.sla.near_remaining";
            break;
        case SlaStatus::on_track:
            key = remaining.empty() ? "ticket_desk.sla.due" : "ticket_desk.sla.due_remaining";
            break;
    }
    return fill_template(i18n::text(key, language), {{"due", due}, {"remaining", remaining}});
}

}  // namespace madoguchi::client
