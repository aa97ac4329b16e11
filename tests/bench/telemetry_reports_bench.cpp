// Figures for scripts/bench (prints, asserts nothing): what billing and the daily anomaly check
// cost over the counters a whole fleet leaves. 723 printers on 73 floors with three months of
// hourly counter samples (the resolution the retention keeps for a year), each printing at its
// own pace on business hours, three counters reset on the judged day: the month's bill with the
// fiscal year's pace and months (GET /api/v1/telemetry/billing) with every day walked from the
// samples, the retention job keeping the closed days (page_days.hpp), the bill again from the
// kept days, and the judging of one day against its
// history (anomaly_history_days) (the daily job), first and again (nothing new to flag).
// With --year: a year of hourly counters instead (6 million samples) and March's bill, the
// fiscal year's last month.
//   madoguchi_telemetry_reports_bench [--year]
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "bench_support.hpp"
#include "calendar/civil_date.hpp"
#include "store/migrations.hpp"
#include "telemetry/anomaly_scan.hpp"
#include "telemetry/billing_store.hpp"
#include "telemetry/page_days.hpp"

namespace {

using namespace madoguchi;
using bench::check;
using bench::must;

constexpr int fleet = 723;
// The counters written and the bill asked for.
struct Scenario {
    int days = 90;                                // from a Monday
    calendar::Date from{2026, 8, 3};              // 3 August to 31 October 2026
    calendar::Date judged{2026, 10, 29};          // a Thursday
    madoguchi::telemetry::Month month{2026, 10};
    calendar::Date today{2026, 10, 31};           // at 23:00
    const char* name = "October";
};

// 7 April 2025 to 31 March 2026: the whole fiscal year 2025 and the 40 days before it.
constexpr Scenario year_scenario{359, {2025, 4, 7}, {2026, 3, 26}, {2026, 3}, {2026, 3, 31}, "March"};

void add_fleet(server::store::Database& database) {
    check(database.execute(
        "INSERT INTO divisions (code, name_ja) VALUES ('D-SOUMU', '総務課'), ('D-JINJI', '人事課'), ('D-KAIKEI', '会計課');"
        "INSERT INTO device_models (maker, name, class) VALUES ('リコー', 'IM C3510F', 'mfp');"
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 73) "
        "INSERT INTO locations (building, floor) SELECT '本館', printf('%d', i) FROM n;"
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 723) "
        "INSERT INTO devices (asset_tag, class, model_id, location_id, division_code, network_address, snmp_profile, "
        "state, updated_at) SELECT printf('MFP-%06d', i), 'mfp', 1, 1 + i % 73, "
        "CASE i % 3 WHEN 0 THEN 'D-SOUMU' WHEN 1 THEN 'D-JINJI' ELSE 'D-KAIKEI' END, '10.20.3.10', 'ricoh-v2c', "
        "'installed', '2026-04-01T00:00:00Z' FROM n"));
}

// Hourly counters from Monday `from` (Tokyo): 5 to 40 pages an hour from 9:00 to 18:00 on
// weekdays (holidays are not worth the SQL here), none at night or at weekends; the counter of
// three devices falls back to 100 at noon of the judged day.
void add_counters(server::store::Database& database, int days, calendar::Instant from, calendar::Instant reset_at) {
    const auto sql =
        "WITH RECURSIVE h(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM h WHERE i < " + std::to_string(days * 24 - 1) + ") "
        "INSERT INTO telemetry_samples (device_id, kind, at, payload, resolution) "
        "SELECT d.id, 3, ?1 + h.i * 3600, "
        "'[' || (CASE WHEN d.id <= 3 AND ?1 + h.i * 3600 >= ?2 THEN 100 ELSE 100000 + d.id * 1000 + (5 + d.id % 36) * "
        "  ((h.i / 168) * 45 + CASE WHEN (h.i % 168) / 24 < 5 "
        "   THEN ((h.i % 168) / 24) * 9 + min(max(h.i % 24 - 9, 0), 9) ELSE 45 END) END) || ',7,[]]', 1 "
        "FROM devices d, h";
    auto insert = must(database.prepare(sql));
    insert.bind(1, from.unix_seconds).bind(2, reset_at.unix_seconds);
    must(insert.step());
}

}  // namespace

int main(int argc, char** argv) {
    const bool year = argc > 1 && std::strcmp(argv[1], "--year") == 0;
    const auto scenario = year ? year_scenario : Scenario{};
    const auto folder = std::filesystem::temp_directory_path() / ("madoguchi-telemetry-reports-bench-" + std::to_string(getpid()));
    std::filesystem::create_directories(folder);
    auto database = must(server::store::Database::open(folder / "madoguchi.db"));
    must(server::store::migrate(database));
    add_fleet(database);
    const auto from = calendar::from_tokyo(scenario.from, 0);
    const auto judged = scenario.judged;
    const auto setup = bench::Clock::now();
    check(database.execute("BEGIN"));
    add_counters(database, scenario.days, from, calendar::from_tokyo(judged, 12 * 3600));
    check(database.execute("COMMIT"));
    const auto rows = must(database.query_int("SELECT count(*) FROM telemetry_samples")).value_or(0);
    std::printf("telemetry reports: %d devices, %lld hourly counter samples written in %.1f s\n", fleet,
                static_cast<long long>(rows), bench::milliseconds_since(setup) / 1000.0);

    const auto now = calendar::from_tokyo(scenario.today, 23 * 3600);
    const auto bill = [&](const char* label) {
        std::vector<double> wall, cpu;
        std::int64_t pages = 0;
        std::size_t months = 0;
        for (int run = 0; run < 5; ++run) {
            const auto start = bench::Clock::now();
            const auto cpu_start = std::clock();
            const auto report = must(server::telemetry::billing_report(database, scenario.month, now));
            wall.push_back(bench::milliseconds_since(start));
            cpu.push_back(bench::cpu_milliseconds(cpu_start));
            pages = report.month_pages;
            months = report.months.size();
        }
        bench::report(label, wall, cpu);
        std::printf("telemetry: (the bill counts %lld pages in %s, %zu months of the fiscal year)\n",
                    static_cast<long long>(pages), scenario.name, months);
    };
    // No day kept yet (a fresh database, or a day since invalidated): every day is walked from
    // the samples, as every bill did before the day table.
    bill(year ? "telemetry: billing, March + fiscal year (a year of samples), days walked from samples"
              : "telemetry: billing, October + fiscal year over 723 devices, days walked from samples");
    {
        const auto start = bench::Clock::now();
        const auto cpu_start = std::clock();
        check(database.execute("BEGIN"));
        const auto fill = must(server::telemetry::fill_page_days(database, now));
        check(database.execute("COMMIT"));
        bench::report("telemetry: keeping the closed days (the retention job, first run)", {bench::milliseconds_since(start)},
                      {bench::cpu_milliseconds(cpu_start)});
        std::printf("telemetry: (%d devices, %lld device-days with pages kept)\n", fill.devices,
                    static_cast<long long>(fill.days));
    }
    // The month's last day: the closed days are kept, today's 23 hours are walked.
    bill(year ? "telemetry: billing, March + fiscal year (a year of samples), closed days kept"
              : "telemetry: billing, October + fiscal year over 723 devices, closed days kept");

    for (const auto* label : {"telemetry: anomaly check of one day, first", "telemetry: anomaly check of the same day again"}) {
        const auto start = bench::Clock::now();
        const auto cpu_start = std::clock();
        check(database.execute("BEGIN"));
        const auto scan = must(server::telemetry::scan_anomalies(database, judged, server::audit::system_actor, now));
        check(database.execute("COMMIT"));
        bench::report(label, {bench::milliseconds_since(start)}, {bench::cpu_milliseconds(cpu_start)});
        std::printf("telemetry: (%d devices judged, %d flagged)\n", scan.devices, scan.flagged);
    }
    std::filesystem::remove_all(folder);
    return 0;
}
