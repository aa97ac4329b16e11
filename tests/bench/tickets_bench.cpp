// Figures for scripts/bench on the ticket engine (prints, asserts nothing): recomputing the
// SLA clocks of every open ticket, which the server does on each escalation sweep (issue 6
// target: 20,000 open tickets in ≤ 1 s).
#include <cstdio>
#include <vector>

#include "bench_support.hpp"
#include "calendar/tokyo_time.hpp"
#include "tickets/sla_clock.hpp"
#include "tickets/sla_policy.hpp"

namespace {

using namespace madoguchi;
using bench::Clock;
using bench::milliseconds_since;
using bench::percentile;

calendar::Instant at(const char* iso) { return *calendar::parse_iso8601(iso).instant; }

void bench_sla_recompute() {
    constexpr int open_tickets = 20000;
    // Each ticket: taken up, a question to the requester, the answer; created over a year.
    std::vector<std::vector<tickets::StateChange>> histories;
    std::vector<tickets::TicketTimeline> timelines;
    histories.reserve(open_tickets);
    timelines.reserve(open_tickets);
    const auto start = at("2025-11-26T09:00:00+09:00");
    using enum tickets::TicketState;
    for (int i = 0; i < open_tickets; ++i) {
        const calendar::Instant created{start.unix_seconds + static_cast<std::int64_t>(i) * 1571};
        const auto step = [&](int minutes) { return calendar::Instant{created.unix_seconds + minutes * 60}; };
        histories.push_back({{step(30), in_progress}, {step(600), waiting_requester}, {step(2000), in_progress}});
        timelines.push_back({tickets::TicketKind::incident, created, histories.back(), std::nullopt});
    }
    const tickets::SlaSettings settings{tickets::sla_targets(tickets::TicketKind::incident, tickets::Priority::p3),
                                       tickets::desk_hours()};
    const auto now = at("2026-11-26T12:00:00+09:00");
    std::vector<double> runs;
    long long breached = 0;
    for (int run = 0; run < 5; ++run) {
        breached = 0;
        const auto began = Clock::now();
        for (const auto& timeline : timelines) breached += compute_sla_clock(timeline, settings, now).resolution.breached ? 1 : 0;
        runs.push_back(milliseconds_since(began));
    }
    std::printf("== Tickets: SLA clocks of %d open tickets recomputed (desk hours, one pause each)\n", open_tickets);
    std::printf("p50 %.1f ms, max %.1f ms over %zu runs (%lld breached)\n", percentile(runs, 0.5),
                percentile(runs, 1.0), runs.size(), breached);
}

}  // namespace

int main() {
    bench_sla_recompute();
    return 0;
}
