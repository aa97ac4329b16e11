// Figures for scripts/bench on the ticket engine (prints, asserts nothing): recomputing the
// SLA clocks of every open ticket, which the server does on each escalation sweep (issue 6
// target: 20,000 open tickets in ≤ 1 s), in memory and as the server's sweep over SQLite
// (recompute_open_ticket_clocks: read each ticket and its timeline, store what changed).
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <stdexcept>
#include <vector>

#include "bench_support.hpp"
#include "calendar/tokyo_time.hpp"
#include "tickets/sla_clock.hpp"
#include "tickets/sla_policy.hpp"
#include "identity/division_store.hpp"
#include "identity/user_store.hpp"
#include "store/migrations.hpp"
#include "tickets/ticket_sla.hpp"
#include "tickets/ticket_store.hpp"

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

// 20,000 open incidents in a fresh database, each with the same three moves as above; the
// sweep timed once when every ticket's flags change and once when none do.
void bench_stored_sweep() {
    namespace store = server::store;
    namespace stored = server::tickets;
    constexpr int open_tickets = 20000;
    const auto folder = std::filesystem::temp_directory_path() / ("madoguchi-tickets-bench-" + std::to_string(::getpid()));
    std::filesystem::create_directories(folder);
    auto opened = store::Database::open(folder / "bench.db");
    if (!opened) throw std::runtime_error(opened.error());
    auto& database = opened.value();
    const auto in_transaction = [&](const std::function<store::Status()>& work) {
        if (auto done = database.transaction(work); !done) throw std::runtime_error(done.error());
    };
    if (auto migrated = store::migrate(database); !migrated) throw std::runtime_error(migrated.error());
    const auto start = at("2025-11-26T09:00:00+09:00");
    using enum tickets::TicketState;
    in_transaction([&]() -> store::Status {
        if (auto division = server::identity::upsert_division(database, {"D-BENCH", "", "試験課", "Bench"}); !division) {
            return division;
        }
        identity::UserFields requester{"bench.staff", "試験 職員", "", "D-BENCH", {identity::Role::staff}, "", ""};
        auto user = server::identity::insert_user(database, requester, std::nullopt, start);
        if (!user) return store::Error{user.error()};
        for (int i = 0; i < open_tickets; ++i) {
            const calendar::Instant created{start.unix_seconds + static_cast<std::int64_t>(i) * 1571};
            const stored::NewTicket ticket{tickets::TicketKind::incident, received, "紙詰まり", "3階の複合機", user.value(),
                                           "D-BENCH", "device", tickets::Priority::p3, "division", "medium"};
            auto id = stored::insert_ticket(database, ticket, created);
            if (!id) return store::Error{id.error()};
            const std::pair<int, tickets::TicketState> moves[] = {{30, in_progress}, {600, waiting_requester}, {2000, in_progress}};
            for (const auto& [minutes, state] : moves) {
                stored::TicketEvent event;
                event.occurred_at = calendar::format_iso8601_utc({created.unix_seconds + minutes * 60});
                event.actor = "bench";
                event.type = "state";
                event.to_state = std::string(tickets::state_name(state));
                if (auto added = stored::insert_event(database, id.value(), std::nullopt, event); !added) {
                    return store::Error{added.error()};
                }
            }
        }
        return store::success();
    });
    std::printf("== Tickets: the stored sweep (recompute_open_ticket_clocks) over %d open tickets in SQLite\n", open_tickets);
    for (const char* what : {"every ticket's flags change", "nothing changes"}) {
        std::int64_t changed = 0;
        const auto began = Clock::now();
        in_transaction([&]() -> store::Status {
            auto swept = stored::recompute_open_ticket_clocks(database, at("2026-11-26T12:00:00+09:00"));
            if (!swept) return store::Error{swept.error()};
            changed = swept.value();
            return store::success();
        });
        std::printf("%-30s %7.1f ms (%lld rows written)\n", what, milliseconds_since(began), static_cast<long long>(changed));
    }
    std::filesystem::remove_all(folder);
}

}  // namespace

int main() {
    bench_sla_recompute();
    bench_stored_sweep();
    return 0;
}
