#include "tickets/sla_clock.hpp"

#include <algorithm>
#include <vector>

#include "calendar/floor_division.hpp"
#include "tickets/workflow.hpp"

namespace madoguchi::tickets {
namespace {

using calendar::BusinessCalendar;
using calendar::Instant;

Instant to_minute(Instant at) { return Instant{calendar::floor_div(at.unix_seconds, std::int64_t{60}) * 60}; }

struct Span {
    Instant from;
    Instant to;
    bool running;
};

struct Stint {
    Instant from;
    TicketState state;
};

struct Measure {
    std::optional<std::int64_t> target;
    std::optional<Instant> completed_at;
    bool running_now;
};

// The due instant is where the running spans add up to the target: found inside the span
// that reaches it, or else projected from the last span when the clock runs now or stopped
// for good while running. Running time after it, in that span or a later one, is a breach.
TargetClock measure(std::span<const Span> spans, const Measure& m, const BusinessCalendar& calendar,
                    int near_breach_percent) {
    TargetClock clock;
    clock.target_minutes = m.target;
    clock.completed_at = m.completed_at;
    std::optional<Instant> projected;
    for (const auto& span : spans) {
        if (span.to < span.from) continue;
        // A span of no length counts nothing, but a running one still says when the target
        // falls due: a ticket read the very minute it was opened or moved has a due time.
        if (span.to == span.from) {
            if (span.running && !clock.due_at && m.target) {
                projected = calendar.add_business_minutes(span.from, *m.target - clock.elapsed_minutes);
            }
            continue;
        }
        if (!span.running) {
            projected.reset();
            continue;
        }
        if (clock.due_at) {
            clock.breached = true;
        } else if (m.target) {
            const auto due = calendar.add_business_minutes(span.from, *m.target - clock.elapsed_minutes);
            if (due && *due <= span.to) {
                clock.due_at = due;
                clock.breached = *due < span.to;
            } else {
                projected = due;
            }
        }
        clock.elapsed_minutes += calendar.business_minutes_between(span.from, span.to);
    }
    if (!m.target) return clock;
    if (!clock.due_at && (m.running_now || m.completed_at)) clock.due_at = projected;
    clock.remaining_minutes = *m.target - clock.elapsed_minutes;
    clock.near_breach = !clock.breached && !m.completed_at &&
                        clock.elapsed_minutes * 100 >= *m.target * near_breach_percent;
    return clock;
}

// The states the ticket has been in up to `now`, each from the minute it was entered.
std::vector<Stint> stints_until(const TicketTimeline& timeline, Instant now) {
    std::vector<Stint> stints{{to_minute(timeline.created_at), workflow_of(timeline.kind).initial}};
    for (const auto& change : timeline.changes) {
        const auto at = std::max(to_minute(change.at), stints.back().from);
        if (at > now) break;
        stints.push_back({at, change.to});
    }
    return stints;
}

TargetClock first_response_clock(const TicketTimeline& timeline, const SlaSettings& settings, Instant now) {
    const auto created = to_minute(timeline.created_at);
    std::optional<Instant> responded;
    if (timeline.first_response_at) responded = to_minute(*timeline.first_response_at);
    if (!timeline.changes.empty()) {
        const auto moved = to_minute(timeline.changes.front().at);
        responded = responded ? std::min(*responded, moved) : moved;
    }
    if (responded) responded = std::max(*responded, created);
    if (responded && *responded > now) responded.reset();
    const Span span{created, responded.value_or(now), true};
    const BusinessCalendar calendar(settings.hours.first_response);
    return measure(std::span(&span, 1), {settings.targets.first_response_minutes, responded, !responded}, calendar,
                   settings.near_breach_percent);
}

TargetClock resolution_clock(const TicketTimeline& timeline, const std::vector<Stint>& stints,
                             const SlaSettings& settings, Instant now) {
    const auto effect = [&](const Stint& stint) { return clock_effect(timeline.kind, stint.state); };
    std::vector<Span> spans;
    spans.reserve(stints.size());
    for (std::size_t i = 0; i < stints.size(); ++i) {
        const auto to = i + 1 < stints.size() ? stints[i + 1].from : now;
        spans.push_back({stints[i].from, to, effect(stints[i]) == ClockEffect::running});
    }
    // Resolved then closed is one stop: the clock stopped when it was resolved.
    std::optional<Instant> stopped_at;
    for (auto it = stints.rbegin(); it != stints.rend() && effect(*it) == ClockEffect::stopped; ++it) {
        stopped_at = it->from;
    }
    const bool running_now = effect(stints.back()) == ClockEffect::running;
    const BusinessCalendar calendar(settings.hours.resolution);
    return measure(spans, {settings.targets.resolution_minutes, stopped_at, running_now}, calendar,
                   settings.near_breach_percent);
}

nlohmann::json instant_json(const std::optional<Instant>& at) {
    return at ? nlohmann::json(calendar::format_iso8601_utc(*at)) : nlohmann::json(nullptr);
}

nlohmann::json minutes_json(const std::optional<std::int64_t>& minutes) {
    return minutes ? nlohmann::json(*minutes) : nlohmann::json(nullptr);
}

nlohmann::json target_json(const TargetClock& clock) {
    return {{"target_minutes", minutes_json(clock.target_minutes)},
            {"elapsed_minutes", clock.elapsed_minutes},
            {"remaining_minutes", minutes_json(clock.remaining_minutes)},
            {"due_at", instant_json(clock.due_at)},
            {"completed_at", instant_json(clock.completed_at)},
            {"breached", clock.breached},
            {"near_breach", clock.near_breach}};
}

}  // namespace

SlaClock compute_sla_clock(const TicketTimeline& timeline, const SlaSettings& settings, Instant now) {
    now = to_minute(now);
    const auto stints = stints_until(timeline, now);
    SlaClock clock;
    clock.first_response = first_response_clock(timeline, settings, now);
    clock.resolution = resolution_clock(timeline, stints, settings, now);
    clock.paused = clock_effect(timeline.kind, stints.back().state) == ClockEffect::paused;
    for (const auto* target : {&clock.first_response, &clock.resolution}) {
        if (target->completed_at || !target->due_at) continue;
        if (!clock.due_at || *target->due_at < *clock.due_at) clock.due_at = target->due_at;
    }
    return clock;
}

nlohmann::json to_json(const SlaClock& clock) {
    return {{"paused", clock.paused},
            {"due_at", instant_json(clock.due_at)},
            {"first_response", target_json(clock.first_response)},
            {"resolution", target_json(clock.resolution)}};
}

}  // namespace madoguchi::tickets
