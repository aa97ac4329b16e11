// Figures for scripts/bench on 300,000 tickets (prints, asserts nothing; issue 6's targets:
// list and search p95 ≤ 30 ms server time, the SLA clocks of every open ticket ≤ 1 s). The
// demo organisation and fleet, then two years of demo tickets (server/tickets/demo_tickets)
// in one transaction in a real SQLite file; the list over real HTTP on 127.0.0.1 (times are
// the client's round trip, so they include loopback HTTP and JSON: an upper bound of server
// time); the SLA sweep and the trends on the same file.
#include <httplib.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "audit/audit_log.hpp"
#include "bench_support.hpp"
#include "http/app.hpp"
#include "identity/demo_organisation.hpp"
#include "inventory/demo_fleet.hpp"
#include "inventory/device_store.hpp"
#include "store/database.hpp"
#include "store/migrations.hpp"
#include "tickets/demo_tickets.hpp"
#include "tickets/ticket_sla.hpp"

namespace {

using namespace madoguchi;
using bench::Clock;
using bench::milliseconds_since;
using bench::check;
using bench::measure;
using bench::must;

constexpr std::int64_t ticket_count = 300000;

// The admin's password.
std::string prepare(const std::filesystem::path& path, calendar::Instant now) {
    auto database = must(server::store::Database::open(path));
    if (auto migrated = server::store::migrate(database); !migrated) throw std::runtime_error(migrated.error());
    const auto accounts = server::identity::demo_accounts().value();
    const server::audit::Actor actor{"bench", "", ""};
    check(database.transaction([&]() -> server::store::Status {
        if (auto seeded = server::identity::seed_demo_organisation(database, accounts, actor); !seeded) return seeded;
        auto fleet = server::inventory::seed_demo_fleet(database, 1, actor);
        if (!fleet) return server::store::Error{fleet.error()};
        return server::store::success();
    }));
    const auto start = Clock::now();
    check(database.transaction([&]() -> server::store::Status {
        auto written = server::tickets::seed_demo_tickets(
            database, {.count = ticket_count, .seed = 1, .now = now, .days = 730, .audited = false}, actor);
        if (!written) return server::store::Error{written.error()};
        return server::store::success();
    }));
    const auto seconds = milliseconds_since(start) / 1000.0;
    const auto count = [&](const char* sql) { return must(database.query_int(sql)).value_or(0); };
    std::printf("== Tickets: %lld demo tickets over two years in one transaction (prepared statements, no audit)\n",
                static_cast<long long>(ticket_count));
    std::printf("%.1f s (%.0f tickets/s): %lld events, %lld device links, %lld breached; %.0f MB file\n", seconds,
                static_cast<double>(ticket_count) / seconds,
                static_cast<long long>(count("SELECT count(*) FROM ticket_events")),
                static_cast<long long>(count("SELECT count(*) FROM ticket_links")),
                static_cast<long long>(count("SELECT count(*) FROM tickets WHERE sla_breached = 1")),
                static_cast<double>(std::filesystem::file_size(path)) / 1e6);
    for (const auto& account : accounts) {
        if (account.fields.login == "admin") return account.password;
    }
    throw std::runtime_error("no admin account");
}

void sweep(const std::filesystem::path& path, calendar::Instant now) {
    auto database = must(server::store::Database::open(path));
    const auto open = must(database.query_int(
        "SELECT count(*) FROM tickets WHERE state NOT IN ('closed', 'cancelled', 'rejected', 'declined')")).value_or(0);
    std::printf("== Tickets: recompute_open_ticket_clocks over the %lld open tickets (target ≤ 1 s)\n",
                static_cast<long long>(open));
    for (const auto& [what, at] : {std::pair{"a day later (flags change)", calendar::Instant{now.unix_seconds + 86400}},
                                   std::pair{"again (nothing changes)", calendar::Instant{now.unix_seconds + 86400}}}) {
        std::int64_t changed = 0;
        const auto began = Clock::now();
        check(database.transaction([&]() -> server::store::Status {
            auto swept = server::tickets::recompute_open_ticket_clocks(database, at);
            if (!swept) return server::store::Error{swept.error()};
            changed = swept.value();
            return server::store::success();
        }));
        std::printf("%-30s %7.1f ms (%lld rows written)\n", what, milliseconds_since(began), static_cast<long long>(changed));
    }
}

// The cursor of the page after the ticket in the middle of the table, newest first.
std::string deep_cursor(const std::filesystem::path& path) {
    auto database = must(server::store::Database::open(path));
    auto select = must(database.prepare("SELECT created_at, id FROM tickets ORDER BY id LIMIT 1 OFFSET " +
                                        std::to_string(ticket_count / 2)));
    if (!must(select.step())) throw std::runtime_error("no middle ticket");
    return server::inventory::encode_cursor({select.column_text(0), select.column_int(1)});
}

// The list, search and trends over HTTP, the server stopped afterwards.
void measure_api(const std::filesystem::path& database_path, const std::string& password, calendar::Instant now) {
    const auto cursor = deep_cursor(database_path);
    bench::LoopbackApp app(database_path);
    httplib::Client client("127.0.0.1", app.port());
    client.set_read_timeout(120, 0);  // a search that reads every row takes seconds on a busy machine
    const auto headers = bench::sign_in(client, "admin", password).headers;

    constexpr int runs = 200;
    std::printf("== Tickets API on loopback (%lld tickets; %d requests each; target p95 ≤ 30 ms)\n",
                static_cast<long long>(ticket_count), runs);
    measure(client, headers, "first page (50, newest first)", "/api/v1/tickets", runs);
    measure(client, headers, "filtered: open incidents (kind, state)", "/api/v1/tickets?kind=incident&state=in_progress", runs);
    measure(client, headers, "due soonest first (sort=sla_due_at)", "/api/v1/tickets?sort=sla_due_at", runs);
    measure(client, headers, "breached only", "/api/v1/tickets?breached=true", runs);
    // Free text goes through the trigram index (tickets_search): 3+ characters as a phrase, 1–2
    // as the beginning of trigrams; a character in a third of the tickets or more (の, "0") is
    // read row by row in the list's order until the page is full, its count capped at 1,000.
    constexpr int search_runs = 200;
    measure(client, headers, "search kana (ぷりんたー → プリンター)",
            "/api/v1/tickets?q=%E3%81%B7%E3%82%8A%E3%82%93%E3%81%9F%E3%83%BC", search_runs);
    measure(client, headers, "search kanji (紙詰まり)", "/api/v1/tickets?q=%E7%B4%99%E8%A9%B0%E3%81%BE%E3%82%8A",
            search_runs);
    measure(client, headers, "search a number (INC-2026-0001)", "/api/v1/tickets?q=INC-2026-0001", search_runs);
    measure(client, headers, "search kana + kind (ぷりんたー, incidents)",
            "/api/v1/tickets?kind=incident&q=%E3%81%B7%E3%82%8A%E3%82%93%E3%81%9F%E3%83%BC", search_runs);
    measure(client, headers, "search 2 characters (紙詰)", "/api/v1/tickets?q=%E7%B4%99%E8%A9%B0", search_runs);
    measure(client, headers, "search 2 characters + kind (紙詰, incidents)",
            "/api/v1/tickets?kind=incident&q=%E7%B4%99%E8%A9%B0", search_runs);
    measure(client, headers, "search 1 character (の)", "/api/v1/tickets?q=%E3%81%AE", search_runs);
    measure(client, headers, "search 1 character in every ticket (0)", "/api/v1/tickets?q=0", search_runs);
    measure(client, headers, "search 1 character + kind (の, incidents)", "/api/v1/tickets?kind=incident&q=%E3%81%AE",
            search_runs);
    measure(client, headers, "deep cursor page (after ticket 150,000)", "/api/v1/tickets?cursor=" + cursor, runs);
    std::printf("== Ticket trends (5 requests each)\n");
    const auto today = calendar::to_tokyo(now).date;
    const auto since = [&](int days) {
        return "?from=" + calendar::format_date(calendar::add_days(today, -days)) + "&to=" + calendar::format_date(today);
    };
    measure(client, headers, "trends, last month", "/api/v1/tickets/trends" + since(30), 5);
    measure(client, headers, "trends, last year", "/api/v1/tickets/trends" + since(365), 5);
}

}  // namespace

int main() {
    // Figures as they come: a run that fails late keeps what it measured.
    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    const auto folder = std::filesystem::temp_directory_path() / ("madoguchi-tickets-list-bench-" + std::to_string(::getpid()));
    std::filesystem::create_directories(folder);
    const auto database_path = folder / "bench.db";
    const auto now = calendar::now();
    const auto password = prepare(database_path, now);
    measure_api(database_path, password, now);
    sweep(database_path, now);
    std::filesystem::remove_all(folder);
    return 0;
}
