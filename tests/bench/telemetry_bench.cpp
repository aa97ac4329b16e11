// Figures for scripts/bench (prints, asserts nothing): poll cycles over the demo's 723 printers and
// MFPs on snmpsim (scripts/fleet-sim, two simulator processes: real printers answer side by side,
// one Python process answers one request at a time) with 10% offline, timeouts 1 s × 1 retry, the
// default window: the status kind (the 5-minute poll's smallest part) on a first cycle, when nobody
// knows yet which devices are offline, and on the next; status and supplies, the supply tables read
// whole as never read before; every kind at once (`madoguchi poll --once`), and the first cycle
// over a new fleet, which knows neither its offline devices nor its tables; then the poll job's
// twelve cycles of a simulated hour in service, each device asked the kinds due from it after a day
// of the schedule (its hourly counters and daily firmware at its own turn; between its counter
// reads, its supplies by their levels). Each cycle is stored as the poll job stores it: wall time,
// the poller's CPU time, requests and the in-flight peak. Then the storage one device-day of
// samples takes, from a simulated day on the schedule with the levels falling; what the compaction
// leaves of that day after 14 days (hourly) and after a year (daily); and the fleet list over the
// 723 devices as the cycles' interpretation left them.
#include <signal.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <span>
#include <sstream>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include "bench_support.hpp"
#include "store/migrations.hpp"
#include "support/child_process.hpp"
#include "telemetry/fleet_list.hpp"
#include "telemetry/poll_cycle.hpp"
#include "telemetry/sample_retention.hpp"

namespace {

using namespace madoguchi;
using bench::check;
using bench::must;

double cpu_seconds() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

// CPU seconds of the simulator's processes so far: those whose command line names `folder`.
double simulator_cpu_seconds(const std::filesystem::path& folder) {
    double seconds = 0.0;
    const auto ticks = static_cast<double>(sysconf(_SC_CLK_TCK));
    for (const auto& entry : std::filesystem::directory_iterator("/proc")) {
        std::ifstream command_line(entry.path() / "cmdline");
        const std::string arguments{std::istreambuf_iterator<char>(command_line), {}};
        if (arguments.find(folder.string()) == std::string::npos) continue;
        std::ifstream stat(entry.path() / "stat");
        const std::string line{std::istreambuf_iterator<char>(stat), {}};
        const auto after_name = line.rfind(')');
        if (after_name == std::string::npos) continue;
        std::istringstream fields(line.substr(after_name + 2));
        std::string field;
        double user = 0.0;
        double system = 0.0;
        // Fields 3… follow the name: state is 3, utime 14 and stime 15.
        for (int index = 3; index <= 15 && fields >> field; ++index) {
            if (index == 14) user = std::stod(field);
            if (index == 15) system = std::stod(field);
        }
        seconds += (user + system) / ticks;
    }
    return seconds;
}

std::int64_t database_bytes(server::store::Database& database) {
    return must(database.query_int("SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()")).value_or(0);
}

void add_fleet(server::store::Database& database) {
    check(database.execute(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 573) "
        "INSERT INTO devices (asset_tag, class, network_address, snmp_profile, state, updated_at) "
        "SELECT printf('%s-%06d', p, i), c, '10.20.3.10', 'ricoh-v2c', 'installed', '2026-11-25T00:00:00Z' "
        "FROM n, (SELECT 'MFP' AS p, 'mfp' AS c, 573 AS k UNION ALL SELECT 'FPM', 'floor_printer_mono', 86 "
        "UNION ALL SELECT 'FPC', 'floor_printer_colour', 64) WHERE i <= k ORDER BY p DESC, i"));
}

// A day of the poll job's cycles for `devices`, each device asked the kinds due from it, levels
// falling a point an hour and the status changing four times a day; returns the bytes the
// database grew by.
std::int64_t simulated_day(server::store::Database& database, std::vector<server::telemetry::DeviceReading> devices) {
    const server::telemetry::PollSchedule schedule;
    const auto before = database_bytes(database);
    const calendar::Instant day{1790000000};
    std::vector<server::telemetry::KindTimes> last(devices.size());
    for (int tick = 0; tick < 24 * 12; ++tick) {
        const auto at = std::chrono::system_clock::time_point{std::chrono::seconds{day.unix_seconds + tick * 300}};
        for (std::size_t index = 0; index < devices.size(); ++index) {
            auto& device = devices[index];
            device.kinds = server::telemetry::device_kinds_due(schedule, device.device_id, at, last[index]);
            server::telemetry::note_read(last[index], device.kinds, at);
            if (tick % 12 == 0) {
                for (auto& supply : device.reading.supplies) {
                    if (supply.level && *supply.level > 0) --*supply.level;
                }
            }
            if (tick % 72 == 0) device.reading.printer_status = device.reading.printer_status == 3 ? 4 : 3;
            if (device.reading.marker_life_count) *device.reading.marker_life_count += 25;
        }
        server::telemetry::PollOutcome outcome;
        outcome.devices = devices;
        auto summary = server::telemetry::summarise(outcome, "schedule", calendar::Instant{day.unix_seconds + tick * 300},
                                                    calendar::Instant{day.unix_seconds + tick * 300});
        must(server::telemetry::record_cycle(database, summary, devices));
    }
    return database_bytes(database) - before;
}

// When each device's kinds were last read once the poll job has run a day before `now`, every
// device answering: its planning replayed tick by tick, no agent asked.
std::map<std::int64_t, server::telemetry::KindTimes> steady_read_times(const server::telemetry::PollSchedule& schedule,
                                                                       std::span<const server::telemetry::PollTarget> targets,
                                                                       std::chrono::system_clock::time_point now) {
    std::map<std::int64_t, server::telemetry::KindTimes> last;
    for (auto at = now - std::chrono::hours{24}; at < now; at += schedule.tick()) {
        for (const auto& target : targets) {
            auto& times = last[target.device_id];
            server::telemetry::note_read(times, server::telemetry::device_kinds_due(schedule, target.device_id, at, times), at);
        }
    }
    return last;
}

struct Cycle {
    server::telemetry::PollOutcome outcome;
    server::telemetry::CycleSummary summary;
    double wall = 0.0;  // seconds
    double store_ms = 0.0;
};

}  // namespace

int main() {
    const auto folder = std::filesystem::temp_directory_path() / ("madoguchi-telemetry-bench-" + std::to_string(getpid()));
    std::filesystem::create_directories(folder);
    testing::ChildProcess simulator(
        {MADOGUCHI_FLEET_SIM, "--dir", (folder / "fleet").string(), "--port", "16199", "--processes", "2"});
    // snmpsimd indexes the 651 data files before it answers; read_line gives up after 20 s.
    std::string ready;
    for (int wait = 0; wait < 6 && ready.empty(); ++wait) ready = simulator.read_line();
    constexpr std::string_view ready_prefix = "ready ";
    if (!ready.starts_with(ready_prefix)) {
        std::fprintf(stderr, "telemetry bench: the simulated fleet did not start\n");
        return 1;
    }
    auto database = must(server::store::Database::open(folder / "madoguchi.db"));
    must(server::store::migrate(database));
    add_fleet(database);
    // A desk account for the incident tickets the fleet's faults open.
    check(database.execute(
        "INSERT INTO divisions (code, name_ja) VALUES ('D-DESK', '運用窓口');"
        "INSERT INTO users (login, name, division_code, created_at, updated_at) "
        "VALUES ('desk.bench', '窓口', 'D-DESK', '2026-11-25T00:00:00Z', '2026-11-25T00:00:00Z');"
        "INSERT INTO user_roles (user_id, role) SELECT id, 'operator' FROM users WHERE login = 'desk.bench'"));

    server::telemetry::CycleRequest request;
    request.targets.agent_override = ready.substr(ready_prefix.size());
    request.settings.timeout = std::chrono::milliseconds{1000};
    request.settings.retries = 1;
    // Polls `targets` (each with its kinds) as a cycle does and stores the result; prints its figures.
    const auto measure = [&](const std::string& label, std::span<const server::telemetry::PollTarget> targets) {
        // snmpsim still works through requests the previous cycle gave up on: let it finish.
        std::this_thread::sleep_for(std::chrono::seconds{5});
        const auto cpu_start = cpu_seconds();
        const auto simulator_start = simulator_cpu_seconds(folder);
        const auto start = bench::Clock::now();
        Cycle cycle;
        cycle.outcome = server::telemetry::poll_devices(targets, request.settings);
        cycle.wall = bench::milliseconds_since(start) / 1000.0;
        const auto cpu = cpu_seconds() - cpu_start;
        const auto simulator_cpu = simulator_cpu_seconds(folder) - simulator_start;
        cycle.summary = server::telemetry::summarise(cycle.outcome, "command", calendar::now(), calendar::now());
        const auto& summary = cycle.summary;
        std::printf("telemetry: one cycle (%s) over %d devices, 10%% offline, timeout 1 s x 1 retry, window %d: %.2f s "
                    "wall (target <= 3 s), %.2f s poller CPU, %.2f s snmpsim CPU, %d requests, at most %d in flight, %d answered, "
                    "%d not\n",
                    label.c_str(), summary.devices, request.settings.window, cycle.wall, cpu, simulator_cpu, summary.requests,
                    summary.in_flight_peak, summary.reachable, summary.devices - summary.reachable);
        const auto store_start = bench::Clock::now();
        must(server::telemetry::record_cycle(database, cycle.summary, cycle.outcome.devices));
        cycle.store_ms = bench::milliseconds_since(store_start);
        return cycle;
    };
    // Ordered as the poll job orders them: the devices silent last time first.
    const auto targets_asked = [&](const server::telemetry::KindsDue& kinds) {
        auto targets = must(server::telemetry::load_poll_targets(database, request.targets));
        for (auto& target : targets) target.kinds = kinds;
        return targets;
    };
    measure("status, first cycle", targets_asked(*server::telemetry::parse_kinds("status")));
    measure("status", targets_asked(*server::telemetry::parse_kinds("status")));
    measure("status,supplies, supply tables never read before", targets_asked(*server::telemetry::parse_kinds("status,supplies")));
    // `madoguchi poll --once` over a fleet in service.
    const auto every = measure("every kind, counters and firmware never read before", targets_asked(server::telemetry::every_kind()));
    // The first cycle over a new fleet: nothing known yet, neither which devices are offline
    // nor their tables; in the ledger's order.
    auto new_fleet = targets_asked(server::telemetry::every_kind());
    for (auto& target : new_fleet) {
        target.last_rows = {};
        target.supply_layout.reset();
        target.last_read = {};
    }
    std::sort(new_fleet.begin(), new_fleet.end(), [](const auto& a, const auto& b) { return a.device_id < b.device_id; });
    measure("every kind over a new fleet, nothing known yet", new_fleet);

    // The poll job in service: each 5-minute cycle asks every device its status and supplies,
    // and the devices whose turn it is their counters (hourly) and firmware (daily).
    const server::telemetry::PollSchedule schedule;
    const auto hour_start = std::chrono::system_clock::now();
    auto read_at = steady_read_times(schedule, targets_asked(server::telemetry::every_kind()), hour_start);
    std::vector<double> scheduled_walls;
    for (int tick = 0; tick < 12; ++tick) {
        const auto at = hour_start + tick * schedule.tick();
        auto targets = targets_asked({});
        std::array<int, 4> asked{};
        for (auto& target : targets) {
            target.kinds = server::telemetry::device_kinds_due(schedule, target.device_id, at, read_at[target.device_id]);
            for (const auto kind : server::telemetry::all_sample_kinds) {
                if (target.kinds.contains(kind)) ++asked[static_cast<std::size_t>(kind) - 1];
            }
        }
        char label[160];
        std::snprintf(label, sizeof label,
                      "scheduled %d/12 of a simulated hour: status %d, supplies %d, counters %d, firmware %d devices",
                      tick + 1, asked[0], asked[1], asked[2], asked[3]);
        const auto cycle = measure(label, targets);
        scheduled_walls.push_back(cycle.wall);
        for (const auto& device : cycle.outcome.devices) {
            if (device.reachable) server::telemetry::note_read(read_at[device.device_id], device.kinds, at);
        }
    }
    std::sort(scheduled_walls.begin(), scheduled_walls.end());
    std::printf("telemetry: the poll job's 12 cycles of a simulated hour: median %.2f s, slowest %.2f s wall (target <= 3 s)\n",
                scheduled_walls[scheduled_walls.size() / 2], scheduled_walls.back());
    simulator.send_signal(SIGTERM);
    simulator.wait();
    std::printf("telemetry: storing the every-kind cycle (with its interpretation, toner orders and incidents): "
                "%.0f ms, %lld samples\n",
                every.store_ms, static_cast<long long>(every.summary.samples_written));
    std::vector<double> list_ms;
    for (int run = 0; run < 21; ++run) {
        const auto start = bench::Clock::now();
        must(server::telemetry::fleet_list(database, {.floor = {}, .model_id = {}, .state = {}, .text = {}, .limit = 200, .offset = 0}));
        list_ms.push_back(bench::milliseconds_since(start));
    }
    std::sort(list_ms.begin(), list_ms.end());
    std::printf("telemetry: fleet list, 200 of 723 devices with the state counts: median %.1f ms\n", list_ms[list_ms.size() / 2]);

    std::vector<server::telemetry::DeviceReading> sampled;
    for (const auto& device : every.outcome.devices) {
        if (device.reachable && sampled.size() < 65) sampled.push_back(device);
    }
    const auto grown = simulated_day(database, sampled);
    const auto rows = must(database.query_int("SELECT count(*) FROM telemetry_samples")).value_or(0);
    std::printf("telemetry: storage per device-day: %.1f KB (%lld sample rows for %zu devices over a simulated day; "
                "x 723 devices = %.1f MB a day)\n",
                static_cast<double>(grown) / 1024.0 / static_cast<double>(sampled.size()), static_cast<long long>(rows),
                sampled.size(), static_cast<double>(grown) / static_cast<double>(sampled.size()) * 723 / 1e6);
    // The same day once the compaction has folded it: bytes the sample rows take, per device-day
    // (payload and about 20 bytes of key and record header a row), the polled cycle's rows aside.
    const calendar::Instant simulated{1790000000};
    const auto day_rows = [&](const std::string& what) {
        return "SELECT " + what + " FROM telemetry_samples WHERE at BETWEEN " + std::to_string(simulated.unix_seconds - 86400) +
               " AND " + std::to_string(simulated.unix_seconds + 86400);
    };
    const auto sample_bytes = [&] {
        check(database.execute("VACUUM"));
        return must(database.query_int(day_rows("coalesce(sum(length(payload)), 0) + count(*) * 20"))).value_or(0);
    };
    const auto devices = static_cast<double>(sampled.size());
    const auto raw_bytes = sample_bytes();
    for (const auto& [label, days] : {std::pair{"hourly, after 14 days", 16}, std::pair{"daily, after a year", 367}}) {
        const auto start = bench::Clock::now();
        const auto compacted = must(server::telemetry::compact_samples(database, {simulated.unix_seconds + days * 86400}, {}));
        const auto ms = bench::milliseconds_since(start);
        const auto rows_left = must(database.query_int(day_rows("count(*)"))).value_or(0);
        std::printf("telemetry: samples per device-day %s: %.0f rows, about %.1f KB (raw %.1f KB); compaction folded %lld rows "
                    "in %.0f ms\n",
                    label, static_cast<double>(rows_left) / devices, static_cast<double>(sample_bytes()) / 1024.0 / devices,
                    static_cast<double>(raw_bytes) / 1024.0 / devices, static_cast<long long>(compacted.rows_folded), ms);
    }
    std::filesystem::remove_all(folder);
    return 0;
}
