// Figures for scripts/bench (prints, asserts nothing): the return-reminder run over 20,000
// loans on loan in a real SQLite file (target ≤ 5 s). A day's 9:00 run with due dates spread
// over sixty days (the previous business day's run done), each on a fresh copy of the
// database; the worst case, every loan owing a reminder at once (all due the same day, the run
// on the first business day after it: the overdue reminder sent, the passed notice recorded
// superseded, the borrower e-mailed and told in the app, the manager copied); then the run
// that finds nothing due, as every later run of the day. Wall and CPU time: on a shared
// machine the CPU time is the steadier figure.
#include <unistd.h>

#include <cstdio>
#include <ctime>
#include <filesystem>
#include <string>
#include <vector>

#include "bench_support.hpp"
#include "calendar/tokyo_time.hpp"
#include "lending/reminder_run.hpp"
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
constexpr int division_count = 200;
constexpr const char* bench_class = "gss_terminal";  // its policy copies the division's manager
const calendar::Date due{2027, 4, 28};
const calendar::Instant run_at = calendar::from_tokyo({2027, 4, 30}, 9 * 3600);
const calendar::Instant day_before = calendar::from_tokyo({2027, 4, 28}, 9 * 3600);  // 4/29 is 昭和の日

// "D-12": built without `"literal" + std::string`, which GCC 12 warns about wrongly.
std::string numbered(const char* prefix, int number) {
    std::string text(prefix);
    text += std::to_string(number);
    return text;
}

// Divisions with a manager each, one borrower per loan (with an e-mail address), one GSS
// terminal on loan per borrower, all due on `due` or, `spread`, over sixty days around it.
void prepare(server::store::Database& database, bool spread) {
    const auto stamp = calendar::format_iso8601_utc(calendar::now());
    check(database.transaction([&]() -> server::store::Status {
        auto division = must(database.prepare("INSERT INTO divisions (code, name_ja) VALUES (?1, ?2)"));
        auto user = must(database.prepare(
            "INSERT INTO users (login, name, division_code, email, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?5)"));
        auto role = must(database.prepare("INSERT INTO user_roles (user_id, role) VALUES (?1, ?2)"));
        auto device = must(database.prepare(
            "INSERT INTO devices (asset_tag, class, state, updated_at) VALUES (?1, ?2, 'on_loan', ?3)"));
        auto request = must(database.prepare(
            "INSERT INTO loan_requests (number, number_year, number_sequence, requester_login, requester_division, class, "
            "quantity, purpose, start_date, due_date, delivery, terms_form, terms_version, state, created_at, updated_at) "
            "VALUES (?1, 2027, ?2, ?3, ?4, ?5, 1, 'bench', '2027-04-05', ?6, 'shipping', 'loan_request', 1, 'on_loan', ?7, ?7)"));
        auto allocation = must(database.prepare("INSERT INTO loan_allocations (request_id, device_id) VALUES (?1, ?2)"));
        const auto add_user = [&](const std::string& login, const std::string& division_code, const char* role_name) {
            user.reset();
            user.bind(1, login).bind(2, login).bind(3, division_code).bind(4, login + "@example.go.jp").bind(5, stamp);
            if (auto done = user.step(); !done) return server::store::Status{server::store::Error{done.error()}};
            role.reset();
            role.bind(1, database.last_insert_id()).bind(2, std::string(role_name));
            if (auto done = role.step(); !done) return server::store::Status{server::store::Error{done.error()}};
            return server::store::success();
        };
        for (int number = 1; number <= division_count; ++number) {
            const auto code = numbered("D-", number);
            division.reset();
            division.bind(1, code).bind(2, code);
            if (auto done = division.step(); !done) return server::store::Error{done.error()};
            if (auto added = add_user(numbered("m", number), code, "manager"); !added) return added;
        }
        for (int number = 1; number <= loan_count; ++number) {
            char login[16];
            std::snprintf(login, sizeof login, "u%05d", number);
            const auto division_code = numbered("D-", number % division_count + 1);
            if (auto added = add_user(login, division_code, "staff"); !added) return added;
            char tag[16];
            std::snprintf(tag, sizeof tag, "GSS-%06d", number);
            device.reset();
            device.bind(1, std::string(tag)).bind(2, std::string(bench_class)).bind(3, stamp);
            if (auto done = device.step(); !done) return server::store::Error{done.error()};
            const auto device_id = database.last_insert_id();
            char request_number[24];
            std::snprintf(request_number, sizeof request_number, "LND-2027-%05d", number);
            request.reset();
            request.bind(1, std::string(request_number)).bind(2, std::int64_t{number}).bind(3, std::string(login))
                .bind(4, division_code).bind(5, std::string(bench_class))
                .bind(6, calendar::format_date(spread ? calendar::add_days(due, number % 60 - 20) : due)).bind(7, stamp);
            if (auto done = request.step(); !done) return server::store::Error{done.error()};
            allocation.reset();
            allocation.bind(1, database.last_insert_id()).bind(2, device_id);
            if (auto done = allocation.step(); !done) return server::store::Error{done.error()};
        }
        return server::store::success();
    }));
}

struct Timed {
    server::lending::ReminderSweep sweep;
    double wall = 0;
    double cpu = 0;
};

Timed timed_run(const std::filesystem::path& path, calendar::Instant at = run_at) {
    auto database = must(server::store::Database::open(path));
    const auto start = Clock::now();
    const auto cpu_start = std::clock();
    auto sweep = must(server::lending::run_reminders(database, at));
    return {sweep, milliseconds_since(start), cpu_milliseconds(cpu_start)};
}

void report(const char* what, const std::vector<double>& wall, const std::vector<double>& cpu) {
    std::printf("%-58s p50 %8.1f ms  max %8.1f ms  (CPU p50 %8.1f ms; %zu runs)\n", what, bench::percentile(wall, 0.5),
                bench::percentile(wall, 1.0), bench::percentile(cpu, 0.5), wall.size());
}

std::filesystem::path prepared_database(const std::filesystem::path& folder, const char* name, bool spread) {
    const auto path = folder / name;
    auto database = must(server::store::Database::open(path));
    if (auto migrated = server::store::migrate(database); !migrated) throw std::runtime_error(migrated.error());
    const auto prepared = Clock::now();
    prepare(database, spread);
    check(database.execute("PRAGMA wal_checkpoint(TRUNCATE)"));
    std::printf("== Lending reminders: %d loans of %s on loan, due %s%s, run %s (setup %.1f s)\n", loan_count,
                bench_class, calendar::format_date(due).c_str(), spread ? " -20…+39 days" : "",
                calendar::format_iso8601_tokyo(run_at).c_str(), milliseconds_since(prepared) / 1000.0);
    return path;
}

void print_sweep(const server::lending::ReminderSweep& sweep) {
    std::printf("   %lld loans, %lld reminders sent, %lld superseded, %lld escalated\n", static_cast<long long>(sweep.loans),
                static_cast<long long>(sweep.sent), static_cast<long long>(sweep.superseded),
                static_cast<long long>(sweep.escalated));
}

// `runs` timed runs at run_at, each on a fresh copy of `base`; the last copy is left at `copy`.
void fresh_runs(const char* what, const std::filesystem::path& base, const std::filesystem::path& copy, int runs) {
    std::vector<double> wall;
    std::vector<double> cpu;
    server::lending::ReminderSweep sweep;
    for (int run = 0; run < runs; ++run) {
        std::filesystem::remove(copy);
        std::filesystem::copy_file(base, copy);
        const auto timed = timed_run(copy);
        sweep = timed.sweep;
        wall.push_back(timed.wall);
        cpu.push_back(timed.cpu);
    }
    report(what, wall, cpu);
    print_sweep(sweep);
}

}  // namespace

int main() {
    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    const auto folder = std::filesystem::temp_directory_path() / ("madoguchi-reminder-bench-" + std::to_string(::getpid()));
    std::filesystem::create_directories(folder);
    const auto copy = folder / "run.db";

    const auto spread = prepared_database(folder, "spread.db", true);
    {
        auto database = must(server::store::Database::open(spread));
        must(server::lending::run_reminders(database, day_before));
        check(database.execute("PRAGMA wal_checkpoint(TRUNCATE)"));
    }
    fresh_runs("reminder run, a day's 9:00 run, due dates spread", spread, copy, 5);

    const auto same_day = prepared_database(folder, "same-day.db", false);
    fresh_runs("reminder run, every loan owes a reminder (worst case)", same_day, copy, 3);

    std::vector<double> wall;
    std::vector<double> cpu;
    for (int run = 0; run < 5; ++run) {
        const auto timed = timed_run(copy);
        if (timed.sweep.sent != 0) std::printf("unexpected: %lld sent again\n", static_cast<long long>(timed.sweep.sent));
        wall.push_back(timed.wall);
        cpu.push_back(timed.cpu);
    }
    report("reminder run, nothing due (every later run)", wall, cpu);
    std::filesystem::remove_all(folder);
    return 0;
}
