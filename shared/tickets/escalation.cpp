#include "tickets/escalation.hpp"

#include <algorithm>
#include <array>

#include "calendar/business_calendar.hpp"

namespace madoguchi::tickets {
namespace {

using enum EscalationClock;
using enum EscalationTarget;

// An incident without a first response, or one not restored, goes up before its target is
// missed (about half-way); a security incident not taken up goes to the IT office at once
// (イ(ア)d(a)), its response plan being theirs to approve anyway.
constexpr std::array<EscalationRule, 6> rules{{
    {"inquiry.response.it_office", TicketKind::inquiry, Priority::p2, first_response, 45, it_office},
    {"incident.response.it_office", TicketKind::incident, Priority::p2, first_response, 20, it_office},
    {"incident.resolution.vendor", TicketKind::incident, Priority::p3, resolution, 120, vendor},
    {"incident.resolution.it_office", TicketKind::incident, Priority::p1, resolution, 180, it_office},
    {"security.response.it_office", TicketKind::security_incident, Priority::p4, first_response, 10, it_office},
    {"problem.resolution.it_office", TicketKind::problem, Priority::p2, resolution, 5 * desk_day_minutes, it_office},
}};

const TargetClock& clock_of(const SlaClock& clock, EscalationClock which) {
    return which == first_response ? clock.first_response : clock.resolution;
}

}  // namespace

std::span<const EscalationRule> escalation_rules() { return rules; }

std::vector<const EscalationRule*> due_escalations(std::span<const EscalationRule> candidates,
                                                   const EscalationCheck& check) {
    std::vector<const EscalationRule*> due;
    if (!calendar::is_business_day(calendar::to_tokyo(check.now).date)) return due;
    for (const auto& rule : candidates) {
        const auto& clock = clock_of(check.clock, rule.clock);
        const bool applies = rule.kind == check.kind && at_least(check.priority, rule.up_to);
        const bool reached = !clock.completed_at && clock.elapsed_minutes >= rule.after_minutes;
        const bool fired = std::find(check.fired.begin(), check.fired.end(), rule.id) != check.fired.end();
        if (applies && reached && !fired) due.push_back(&rule);
    }
    return due;
}

std::string_view target_name(EscalationTarget target) { return target == vendor ? "vendor" : "it_office"; }

std::string_view target_label_key(EscalationTarget target) {
    return target == vendor ? "tickets.escalation.vendor" : "tickets.escalation.it_office";
}

}  // namespace madoguchi::tickets
