// A whole cycle over the demo's 723 printers and MFPs with 10% offline, from the command line.
// snmpsim answers one request at a time in one Python process: on a busy test machine a
// wide window only lengthens its queue past the timeout, so this test keeps it narrow and
// patient, and reads the status kind (the 5-minute poll). Speed is scripts/bench's business.
#include <catch2/catch.hpp>

#include "telemetry/fleet_sim_support.hpp"

namespace madoguchi::testing {

TEST_CASE("telemetry: madoguchi poll --once reads all 723 devices, every online one answering, the offline ones marked") {
    TempDir folder;
    FleetSimulator simulator(folder.path() / "fleet", {});
    const auto offline = simulator.offline();
    REQUIRE(offline.size() == 72);
    {
        auto database = telemetry_database(folder.path());
        REQUIRE(database.transaction([&]() -> server::store::Status {
            for (const auto& tag : demo_fleet_tags()) add_polled_device(database, tag);
            return server::store::success();
        }));
    }
    ChildProcess poll({MADOGUCHI_BINARY, "poll", "--once", "--db", (folder.path() / "madoguchi.db").string(), "--agent",
                       simulator.agent(), "--kinds", "status", "--window", "8", "--timeout-ms", "3000", "--retries", "1"});
    // wait() gives a child 20 seconds; a cycle behind a busy snmpsim may take longer.
    for (int second = 0; second < 300 && poll.collect_output(1000); ++second) {
    }
    const auto run = poll.wait();
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    CHECK(run.out.find("polled 723 devices: 651 answered, 72 timed out") != std::string::npos);

    auto database = telemetry_database(folder.path());
    auto rows = database.prepare(
        "SELECT d.asset_tag, s.reachable, s.reading FROM devices d JOIN telemetry_device_state s ON s.device_id = d.id");
    REQUIRE(rows);
    int seen = 0;
    int wrong = 0;
    while (rows.value().step().value()) {
        ++seen;
        const auto tag = rows.value().column_text(0);
        const bool reachable = rows.value().column_int(1) == 1;
        const bool read = rows.value().column_text(2).find("\"device_status\"") != std::string::npos;
        if (reachable == offline.contains(tag) || read != reachable) {
            ++wrong;
            UNSCOPED_INFO(tag << " reachable " << reachable);
        }
    }
    CHECK(seen == 723);
    CHECK(wrong == 0);
    CHECK(query_number(database, "SELECT in_flight_peak FROM telemetry_poll_cycles") == 8);
    CHECK(query_number(database, "SELECT count(DISTINCT device_id) FROM telemetry_samples WHERE kind = 1") == 651);
}

}  // namespace madoguchi::testing
