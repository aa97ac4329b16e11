// The poll job's schedule per device: each device's hourly and daily kinds at its own turn, so
// no tick reads them from the whole fleet at once; then a scheduled cycle against snmpsim that
// asks each device only what is due from it and remembers what it read.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <thread>
#include <nlohmann/json.hpp>

#include "telemetry/fleet_sim_support.hpp"
#include "telemetry/poll_cycle.hpp"

namespace madoguchi::testing {
namespace {

namespace telemetry = server::telemetry;
using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;
using TimePoint = std::chrono::system_clock::time_point;

// A Monday 09:00 in Tokyo, on a tick boundary.
const TimePoint monday{seconds{1795996800}};

telemetry::KindTimes read_at(TimePoint status, TimePoint supplies, TimePoint counters, TimePoint firmware) {
    return {status, supplies, counters, firmware};
}

// The poll job over `days` of ticks for devices 1..count, every device answering: the ticks
// (from `monday`) at which each device's `kind` was read, and how many devices each tick read it from.
struct Replay {
    std::map<std::int64_t, std::vector<TimePoint>> reads;
    std::vector<int> per_tick;
};

Replay replay(const telemetry::PollSchedule& schedule, int count, telemetry::SampleKind kind, hours span) {
    Replay result;
    std::vector<telemetry::KindTimes> last(static_cast<std::size_t>(count));
    for (auto at = monday; at < monday + span; at += schedule.tick()) {
        int read = 0;
        for (std::int64_t id = 1; id <= count; ++id) {
            auto& times = last[static_cast<std::size_t>(id - 1)];
            const auto due = telemetry::device_kinds_due(schedule, id, at, times);
            telemetry::note_read(times, due, at);
            if (!due.contains(kind)) continue;
            result.reads[id].push_back(at);
            ++read;
        }
        result.per_tick.push_back(read);
    }
    return result;
}

// Each device read at least `reads` times, and exactly `every` apart after its first turn.
void check_read_every(const Replay& replayed, std::size_t reads, std::chrono::hours every) {
    for (const auto& [id, times] : replayed.reads) {
        INFO("device " << id);
        REQUIRE(times.size() >= reads);
        for (std::size_t n = 2; n < times.size(); ++n) CHECK(times[n] - times[n - 1] == every);
    }
}

TEST_CASE("telemetry schedule: a device never read is asked every kind") {
    const auto due = telemetry::device_kinds_due({}, 17, monday, {});
    CHECK(due.names() == "status,supplies,counters,firmware");
}

TEST_CASE("telemetry schedule: status and supplies are due every tick, even one that starts a little early") {
    const telemetry::PollSchedule schedule;
    const auto before = monday - minutes{5};
    for (const auto at : {monday, monday - seconds{20}, monday + seconds{3}}) {
        const auto due = telemetry::device_kinds_due(schedule, 17, at, read_at(before, before, at - minutes{10}, at - minutes{10}));
        CHECK(due.names() == "status,supplies");
    }
}

TEST_CASE("telemetry schedule: the fleet's counters spread evenly over the hour's ticks, each device read hourly") {
    const telemetry::PollSchedule schedule;
    const auto day = replay(schedule, 723, telemetry::SampleKind::counters, hours{25});
    // The first tick reads every device (none was read before); then its turn comes once an hour.
    CHECK(day.per_tick.front() == 723);
    const std::vector<int> settled(day.per_tick.begin() + 12, day.per_tick.end());
    const auto [fewest, most] = std::minmax_element(settled.begin(), settled.end());
    INFO("counters read per tick after the first hour: " << *fewest << " to " << *most);
    // 723 / 12 = 60.25 a tick.
    CHECK(*fewest >= 58);
    CHECK(*most <= 63);
    check_read_every(day, 25, hours{1});
}

TEST_CASE("telemetry schedule: the fleet's firmware spreads over the day's ticks, each device read daily") {
    const telemetry::PollSchedule schedule;
    const auto days = replay(schedule, 723, telemetry::SampleKind::firmware, hours{24 * 3});
    CHECK(days.per_tick.front() == 723);
    const std::vector<int> settled(days.per_tick.begin() + 288, days.per_tick.end());
    // 723 / 288 = 2.5 a tick.
    CHECK(*std::max_element(settled.begin(), settled.end()) <= 5);
    check_read_every(days, 3, hours{24});
}

TEST_CASE("telemetry schedule: a kind is due at the device's turn, and after a turn it missed until it is read") {
    const telemetry::PollSchedule schedule;
    const auto due_at = [&](TimePoint tick, TimePoint counters_read) {
        return telemetry::device_kinds_due(schedule, 17, tick, read_at(tick - minutes{5}, tick - minutes{5}, counters_read, tick))
            .contains(telemetry::SampleKind::counters);
    };
    // Device 17's turn for its counters: the one tick of the hour at which they are due when
    // they were read at the tick before.
    std::vector<TimePoint> turns;
    for (auto at = monday; at < monday + hours{1}; at += minutes{5}) {
        if (due_at(at, at - minutes{5})) turns.push_back(at);
    }
    REQUIRE(turns.size() == 1);
    const auto turn = turns.front();
    CHECK(due_at(turn, turn - hours{1}));                    // read at its last turn
    CHECK_FALSE(due_at(turn - minutes{5}, turn - hours{1}));  // the tick before
    CHECK(due_at(turn, turn - minutes{10}));                  // "poll now" read them out of turn: the turn still reads them
    // Silent at its turn: every tick after it asks again, and once read they wait for the next turn.
    CHECK(due_at(turn + minutes{5}, turn - hours{1}));
    CHECK(due_at(turn + minutes{30}, turn - hours{1}));
    CHECK_FALSE(due_at(turn + minutes{35}, turn + minutes{30}));
    CHECK_FALSE(due_at(turn + minutes{55}, turn + minutes{30}));
    CHECK(due_at(turn + hours{1}, turn + minutes{30}));
}

TEST_CASE("telemetry schedule: an interval that is no multiple of the tick is read at every turn, never twice in one") {
    const auto schedule = telemetry::parse_poll_schedule("status=5,supplies=5,counters=7");
    REQUIRE(schedule);
    const auto hours7 = replay(*schedule, 40, telemetry::SampleKind::counters, hours{7});
    for (const auto& [id, reads] : hours7.reads) {
        INFO("device " << id);
        // The first tick, then each turn of 7 hours (60) at the tick at or after it.
        CHECK(reads.size() >= 60);
        CHECK(reads.size() <= 61);
        for (std::size_t n = 2; n < reads.size(); ++n) {
            CHECK(reads[n] - reads[n - 1] >= minutes{5});
            CHECK(reads[n] - reads[n - 1] <= minutes{10});
        }
        // Over the turns, 7 minutes apart on average.
        const auto turns = static_cast<int>(reads.size()) - 2;
        const auto drift = reads.back() - reads[1] - turns * minutes{7};
        CHECK(std::chrono::abs(drift) < minutes{5});
    }
}

// Two devices on one agent and one silent device, each with its own read times.
TEST_CASE("telemetry: a scheduled cycle asks each device the kinds due from it and remembers what it read") {
    TempDir folder;
    const std::vector<std::string> records = {
        "1.3.6.1.2.1.1.5.0|4|printer",
        "1.3.6.1.2.1.43.10.2.1.4.1.1|65|5000",
        "1.3.6.1.2.1.25.3.2.1.5.1|2|2",
        "1.3.6.1.2.1.43.11.1.1.6.1.1|4|Black Toner",
        "1.3.6.1.2.1.43.11.1.1.9.1.1|2|40",
        "1.3.6.1.4.1.367.3.2.1.1.1.2.0|4|1.05",
    };
    write_records(folder.path() / "data", "MFP-000001", records);
    write_records(folder.path() / "data", "MFP-000002", records);
    FleetSimulator simulator(folder.path() / "data", serve_only());
    auto database = telemetry_database(folder.path());
    const auto due_counters = add_polled_device(database, "MFP-000001");
    const auto read_lately = add_polled_device(database, "MFP-000002");
    const auto silent = add_polled_device(database, "MFP-000003");  // no records: snmpsim does not answer
    telemetry::CycleRequest request;
    request.targets.agent_override = simulator.agent();
    request.settings.timeout = std::chrono::milliseconds{300};
    request.settings.retries = 0;
    // Weekly counters and firmware: a turn of a device read a second ago cannot fall in this test.
    request.schedule = telemetry::parse_poll_schedule("status=5,supplies=5,counters=10080,firmware=10080");
    const auto column = [&](std::int64_t device, const std::string& name) {
        return query_number(database, "SELECT coalesce(" + name + ", -1) FROM telemetry_device_state WHERE device_id = " +
                                          std::to_string(device));
    };
    const auto samples = [&](std::int64_t device, int kind) {
        return query_number(database, "SELECT count(*) FROM telemetry_samples WHERE device_id = " + std::to_string(device) +
                                          " AND kind = " + std::to_string(kind));
    };

    // Never read: every kind of every device.
    auto first = telemetry::run_poll_cycle(database, request);
    REQUIRE(first);
    CHECK(first.value().devices == 3);
    CHECK(first.value().kinds.names() == "status,supplies,counters,firmware");
    const auto started = first.value().started.unix_seconds;
    for (const auto device : {due_counters, read_lately}) {
        for (const auto name : {"status_read_at", "supplies_read_at", "counters_read_at", "firmware_read_at"}) {
            INFO(device << " " << name);
            CHECK(column(device, name) == started);
        }
    }
    // The silent device read nothing: each kind stays due.
    CHECK(column(silent, "status_read_at") == -1);
    CHECK(column(silent, "counters_read_at") == -1);

    // At once again: nothing is due from the devices that answered; only the silent one is asked.
    auto second = telemetry::run_poll_cycle(database, request);
    REQUIRE(second);
    CHECK(second.value().devices == 1);
    CHECK(second.value().reachable == 0);
    CHECK(query_number(database, "SELECT count(*) FROM telemetry_poll_cycles") == 2);

    // Five minutes on: status and supplies from both; the counters only from the device last
    // read 8 days ago (a weekly turn passed unread), not from the one read at the first cycle.
    REQUIRE(database.execute("UPDATE telemetry_device_state SET status_read_at = status_read_at - 300, "
                             "supplies_read_at = supplies_read_at - 300"));
    REQUIRE(database.execute("UPDATE telemetry_device_state SET counters_read_at = counters_read_at - 8 * 86400 "
                             "WHERE device_id = " + std::to_string(due_counters)));
    // Samples are keyed by the second: this cycle's must not fall in the first one's.
    std::this_thread::sleep_for(seconds{1});
    auto third = telemetry::run_poll_cycle(database, request);
    REQUIRE(third);
    CHECK(third.value().devices == 3);
    CHECK(third.value().reachable == 2);
    // The silent device is still asked every kind.
    CHECK(query_text(database, "SELECT kinds FROM telemetry_poll_cycles ORDER BY id DESC LIMIT 1") ==
          "status,supplies,counters,firmware");
    const auto now = third.value().started.unix_seconds;
    CHECK(column(due_counters, "counters_read_at") == now);
    CHECK(column(read_lately, "counters_read_at") == started);
    CHECK(column(read_lately, "status_read_at") == now);
    CHECK(column(read_lately, "firmware_read_at") == started);
    // Counters are sampled whenever read: a second sample for the device whose turn it was only.
    CHECK(samples(due_counters, 3) == 2);
    CHECK(samples(read_lately, 3) == 1);
}

}  // namespace
}  // namespace madoguchi::testing
