#pragma once
// The SLA clock of one ticket, recomputed from its timeline rather than kept running: the
// server recomputes every open ticket (a pure function, no stored counters to drift) and
// stores sla_due_at; the client shows the same value. Each span of the timeline counts only
// while its state runs the clock (tickets/workflow.hpp): waiting for the requester pauses it,
// resolution stops it, reopening starts it again. Spans are measured with the calendar's
// day-jumping arithmetic, so a ticket costs a few binary searches, not a minute loop.
//
// Instants are taken to the whole minute (seconds dropped): targets are in minutes, and
// whole-minute spans make the sum of business minutes over spans exact.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <span>

#include "calendar/tokyo_time.hpp"
#include "tickets/sla_policy.hpp"
#include "tickets/ticket_kind.hpp"

namespace madoguchi::tickets {

struct StateChange {
    calendar::Instant at;
    TicketState to;
};

struct TicketTimeline {
    TicketKind kind;
    calendar::Instant created_at;                  // in the workflow's initial state
    std::span<const StateChange> changes;          // in time order
    // The first public reply when it came before any move; the first move out of the initial
    // state counts as the first response anyway.
    std::optional<calendar::Instant> first_response_at;
};

struct TargetClock {
    std::optional<std::int64_t> target_minutes;      // empty: no target for this kind
    std::int64_t elapsed_minutes = 0;                // business minutes the clock ran
    std::optional<std::int64_t> remaining_minutes;   // target − elapsed (negative when overdue)
    // When the target falls (fell) due. Empty without a target, and while paused before it
    // is reached (a paused clock has no due time until it runs again) or when the ticket
    // ended from a pause.
    std::optional<calendar::Instant> due_at;
    // When the clock stopped for good: the first response, the resolution, or the ticket's
    // end (a cancelled ticket stops its clocks too).
    std::optional<calendar::Instant> completed_at;
    bool breached = false;     // the clock ran past due_at
    bool near_breach = false;  // still running or paused, not breached, ≥ the near share used
};

struct SlaClock {
    TargetClock first_response;
    TargetClock resolution;
    bool paused = false;  // the ticket is in a state that pauses the clock
    // sla_due_at: the earliest due instant of a target not yet completed.
    std::optional<calendar::Instant> due_at;
};

struct SlaSettings {
    SlaTargets targets;
    SlaHours hours;
    int near_breach_percent = 80;
};

SlaClock compute_sla_clock(const TicketTimeline& timeline, const SlaSettings& settings, calendar::Instant now);

// {"paused", "due_at", "first_response": {…}, "resolution": {…}}: instants as ISO 8601 UTC
// ("2026-11-24T00:30:00Z"), an absent value as null.
nlohmann::json to_json(const SlaClock& clock);

}  // namespace madoguchi::tickets
