// Figures for scripts/bench (prints, asserts nothing): availability of one class over eight
// weeks with 20,000 active loans and reservations of that class in a real SQLite file. The
// store's part (the pool and its holds read from loan_requests and loan_allocations) and the
// day-by-day arithmetic (shared/lending/availability) are timed together as a request's
// server time, then the arithmetic alone. Wall and CPU time: on a shared machine the CPU
// time is the steadier figure.
#include <unistd.h>

#include <cstdio>
#include <ctime>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "bench_support.hpp"
#include "calendar/tokyo_time.hpp"
#include "lending/availability.hpp"
#include "lending/availability_store.hpp"
#include "store/database.hpp"
#include "store/migrations.hpp"

namespace {

using namespace madoguchi;
using bench::Clock;
using bench::check;
using bench::cpu_milliseconds;
using bench::milliseconds_since;
using bench::must;

constexpr int loan_count = 20000;
constexpr int spare_devices = 2000;
constexpr int horizon_days = 56;
constexpr const char* bench_class = "gss_terminal";

// One device per loan plus spares on the shelf; each loan is on loan now (a fifth of them
// overdue) or approved for a period starting within the horizon.
void prepare(server::store::Database& database, const calendar::Date& today) {
    std::mt19937 random(7);
    const auto stamp = calendar::format_iso8601_utc(calendar::now());
    check(database.transaction([&]() -> server::store::Status {
        auto device = must(database.prepare(
            "INSERT INTO devices (asset_tag, class, state, updated_at) VALUES (?1, ?2, ?3, ?4)"));
        auto request = must(database.prepare(
            "INSERT INTO loan_requests (number, number_year, number_sequence, requester_login, requester_division, class, "
            "quantity, purpose, start_date, due_date, delivery, terms_form, terms_version, state, created_at, updated_at) "
            "VALUES (?1, 2026, ?2, ?3, 'D-BENCH', ?4, 1, 'bench', ?5, ?6, 'shipping', 'loan_request', 1, ?7, ?8, ?8)"));
        auto allocation = must(database.prepare("INSERT INTO loan_allocations (request_id, device_id) VALUES (?1, ?2)"));
        for (int number = 1; number <= loan_count + spare_devices; ++number) {
            char tag[16];
            std::snprintf(tag, sizeof tag, "GSS-%06d", number);
            const bool lent = number <= loan_count;
            const bool on_loan = lent && number % 4 != 0;
            device.reset();
            device.bind(1, std::string(tag)).bind(2, std::string(bench_class))
                .bind(3, std::string(!lent ? "in_stock" : on_loan ? "on_loan" : "reserved")).bind(4, stamp);
            if (auto done = device.step(); !done) return server::store::Error{done.error()};
            const auto device_id = database.last_insert_id();
            if (!lent) continue;
            // On loan: started up to 60 days ago, due from 10 days ago to 50 days ahead.
            // Approved: starting within the horizon, for 1–30 days.
            const int start_offset = on_loan ? -static_cast<int>(random() % 60) : static_cast<int>(random() % horizon_days);
            const int due_offset = on_loan ? -10 + static_cast<int>(random() % 60)
                                           : start_offset + static_cast<int>(random() % 30);
            const auto start = calendar::add_days(today, start_offset);
            const auto due = calendar::add_days(today, std::max(start_offset, due_offset));
            char request_number[24];
            std::snprintf(request_number, sizeof request_number, "LND-2026-%05d", number);
            request.reset();
            request.bind(1, std::string(request_number)).bind(2, std::int64_t{number})
                .bind(3, "u" + std::to_string(number)).bind(4, std::string(bench_class))
                .bind(5, calendar::format_date(start)).bind(6, calendar::format_date(due))
                .bind(7, std::string(on_loan ? "on_loan" : "approved")).bind(8, stamp);
            if (auto done = request.step(); !done) return server::store::Error{done.error()};
            allocation.reset();
            allocation.bind(1, database.last_insert_id()).bind(2, device_id);
            if (auto done = allocation.step(); !done) return server::store::Error{done.error()};
        }
        return server::store::success();
    }));
}

void report(const char* what, const std::vector<double>& wall, const std::vector<double>& cpu) {
    std::printf("%-58s p50 %7.2f ms  p95 %7.2f ms  (CPU p50 %7.2f ms, p95 %7.2f ms; %zu runs)\n", what,
                bench::percentile(wall, 0.5), bench::percentile(wall, 0.95), bench::percentile(cpu, 0.5),
                bench::percentile(cpu, 0.95), wall.size());
}

}  // namespace

int main() {
    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    const auto folder = std::filesystem::temp_directory_path() / ("madoguchi-lending-bench-" + std::to_string(::getpid()));
    std::filesystem::create_directories(folder);
    {
        auto database = must(server::store::Database::open(folder / "bench.db"));
        if (auto migrated = server::store::migrate(database); !migrated) throw std::runtime_error(migrated.error());
        const auto today = calendar::to_tokyo(calendar::now()).date;
        const auto prepared = Clock::now();
        prepare(database, today);
        std::printf("== Lending: %d active loans and reservations of %s, %d spares (setup %.1f s)\n", loan_count,
                    bench_class, spare_devices, milliseconds_since(prepared) / 1000.0);

        const auto last = calendar::add_days(today, horizon_days - 1);
        const server::lending::PoolQuery query{bench_class, std::nullopt, today};
        std::vector<double> wall;
        std::vector<double> cpu;
        lending::Pool pool;
        std::vector<lending::DayAvailability> days;
        for (int run = 0; run < 50; ++run) {
            const auto start = Clock::now();
            const auto cpu_start = std::clock();
            pool = must(server::lending::load_pool(database, query));
            days = lending::availability(pool, today, last);
            wall.push_back(milliseconds_since(start));
            cpu.push_back(cpu_milliseconds(cpu_start));
        }
        report("availability, 8 weeks, store + arithmetic (server time)", wall, cpu);
        std::printf("   pool %d devices, %zu holds; today %d available, in 8 weeks %d\n", pool.devices, pool.holds.size(),
                    days.front().available, days.back().available);

        wall.clear();
        cpu.clear();
        for (int run = 0; run < 500; ++run) {
            const auto start = Clock::now();
            const auto cpu_start = std::clock();
            days = lending::availability(pool, today, last);
            const auto earliest = lending::earliest_start(pool, 5, 14, today, calendar::add_days(today, 365));
            wall.push_back(milliseconds_since(start));
            cpu.push_back(cpu_milliseconds(cpu_start));
            if (days.empty() && earliest) std::printf("unexpected\n");
        }
        report("availability + earliest start, arithmetic alone", wall, cpu);
    }
    std::filesystem::remove_all(folder);
    return 0;
}
