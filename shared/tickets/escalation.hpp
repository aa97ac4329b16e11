#pragma once
// Escalation rules as data: "N business minutes on this clock without it completing → tell
// the vendor / the IT office". The server asks which rules are due at each tick and records
// the ones it fires (audited); a fired rule's id is passed back so it never fires twice.
// Rules fire on business days only (§1.3(2): the desk works 行政機関の休日 aside): a threshold
// reached at Friday's closing fires on Monday, not on the Saturday in between.
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "calendar/tokyo_time.hpp"
#include "tickets/priority.hpp"
#include "tickets/sla_clock.hpp"
#include "tickets/ticket_kind.hpp"

namespace madoguchi::tickets {

enum class EscalationTarget {
    vendor,     // 製品ベンダー: the vendor of the device or service
    it_office,  // 情報システム室
};

enum class EscalationClock { first_response, resolution };

struct EscalationRule {
    std::string_view id;          // stable: stored with the ticket once fired
    TicketKind kind;
    Priority up_to;               // applies to this priority and the more urgent ones
    EscalationClock clock;
    std::int64_t after_minutes;   // business minutes the clock has run
    EscalationTarget target;
};

// The desk's rules, in the order they are listed to operators.
std::span<const EscalationRule> escalation_rules();

struct EscalationCheck {
    TicketKind kind;
    Priority priority;
    const SlaClock& clock;
    std::span<const std::string_view> fired;  // ids already fired for this ticket
    calendar::Instant now;
};

// The rules due now: the ticket's kind, priority up to the rule's, the clock run at least
// after_minutes and not completed, not fired before, and now on a business day (Tokyo).
std::vector<const EscalationRule*> due_escalations(std::span<const EscalationRule> rules,
                                                   const EscalationCheck& check);

std::string_view target_name(EscalationTarget target);  // "vendor", "it_office"
// Catalog key "tickets.escalation.<target>".
std::string_view target_label_key(EscalationTarget target);

}  // namespace madoguchi::tickets
