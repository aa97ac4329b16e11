// Billing and anomalies end to end: real poll cycles against snmpsim agents (scripts/fleet-sim)
// store the counters, as the poll job inside `serve` does on its own connection, and the desk
// reads the outcome over HTTP. One printer's counter rises with time; another's runs
// backwards, as a replaced controller board's does.
#include <catch2/catch.hpp>

#include <chrono>
#include <cstdio>
#include <thread>

#include "calendar/civil_date.hpp"
#include "telemetry/fleet_sim_support.hpp"
#include "telemetry/poll_cycle.hpp"
#include "configuration_test_support.hpp"
#include "telemetry_billing_support.hpp"

using namespace madoguchi::testing;
using nlohmann::json;
namespace telemetry = madoguchi::server::telemetry;
namespace calendar = madoguchi::calendar;

namespace {

// A running mono printer whose page counter (prtMarkerLifeCount, impressions) is snmpsim's
// numeric variation: `initial` plus `rate` pages per second since the simulator started.
std::vector<std::string> counting_printer(const std::string& rate, const std::string& initial) {
    return {
        "1.3.6.1.2.1.1.5.0|4|mfp",
        "1.3.6.1.2.1.25.3.2.1.5.1|2|2",
        "1.3.6.1.2.1.25.3.5.1.1.1|2|3",
        "1.3.6.1.2.1.25.3.5.1.2.1|4x|00",
        "1.3.6.1.2.1.43.10.2.1.3.1.1|2|7",
        "1.3.6.1.2.1.43.10.2.1.4.1.1|65:numeric|rate=" + rate + ",initial=" + initial,
    };
}

struct PolledFleet : PrinterFleet {
    TempDir records;
    std::int64_t im = model("RICOH", "IM C3510F");
    // 30 pages a minute: busy, and well within what the fleet's printers can print.
    std::int64_t rising = printer("MFP-RISING", im, 0, "D-SOUMU");
    std::int64_t backwards = printer("MFP-BACKWARDS", im, 0, "D-SOUMU");
    std::optional<FleetSimulator> simulator;

    PolledFleet() {
        write_records(records.path(), "MFP-RISING", counting_printer("0.5", "120000"));
        write_records(records.path(), "MFP-BACKWARDS", counting_printer("-2", "800000"));
        simulator.emplace(records.path(), serve_only());
    }
    // One full cycle of every kind, recorded on a connection of its own like the poll job's.
    void cycle() {
        auto database = madoguchi::server::store::Database::open(server.database_path());
        REQUIRE(database);
        telemetry::CycleRequest request;
        request.trigger = "schedule";
        request.targets.agent_override = simulator->agent();
        const auto summary = telemetry::run_poll_cycle(database.value(), request);
        REQUIRE(summary);
        CHECK(summary.value().reachable == 2);
    }
    // The counter of the device's first or last sample the cycles stored.
    std::int64_t stored_count(std::int64_t device, const char* order) {
        return count("SELECT json_extract(payload, '$[0]') FROM telemetry_samples WHERE kind = 3 AND device_id = " +
                     std::to_string(device) + " ORDER BY at " + order + " LIMIT 1");
    }
};

const json* device_row(const json& billing, const std::string& tag) {
    for (const auto& device : billing["devices"]) {
        if (device["asset_tag"] == tag) return &device;
    }
    return nullptr;
}

}  // namespace

TEST_CASE("telemetry flow: polled counters become the month's bill, a counter running backwards an anomaly",
          "[telemetry][billing][anomalies][snmp]") {
    PolledFleet fleet;
    // Cycles a couple of seconds apart, each in a second of its own (samples are kept per second).
    for (int cycle = 0; cycle < 4; ++cycle) {
        if (cycle > 0) std::this_thread::sleep_for(std::chrono::milliseconds(2100));
        fleet.cycle();
    }
    REQUIRE(fleet.count("SELECT count(*) FROM telemetry_samples WHERE kind = 3 AND device_id = " +
                        std::to_string(fleet.rising)) == 4);
    const auto first = fleet.stored_count(fleet.rising, "ASC");
    const auto last = fleet.stored_count(fleet.rising, "DESC");
    INFO("the rising counter went from " << first << " to " << last);
    REQUIRE(last - first >= 2);  // half a page a second over six seconds and more
    CHECK(fleet.stored_count(fleet.backwards, "DESC") < fleet.stored_count(fleet.backwards, "ASC"));

    const auto today = calendar::to_tokyo(calendar::now()).date;
    char month[8];
    std::snprintf(month, sizeof month, "%04d-%02d", today.year, today.month);
    const auto billed = fleet.desk.client->Get(std::string("/api/v1/telemetry/billing?month=") + month);
    REQUIRE(billed);
    INFO(billed->body);
    REQUIRE(billed->status == 200);
    const auto billing = json_of(billed);
    const auto* rising = device_row(billing, "MFP-RISING");
    REQUIRE(rising != nullptr);
    CHECK((*rising)["pages"] == last - first);
    CHECK((*rising)["resets"] == 0);
    const auto* backwards = device_row(billing, "MFP-BACKWARDS");
    REQUIRE(backwards != nullptr);
    CHECK((*backwards)["pages"] == 0);  // nothing is billed that nobody can show
    CHECK((*backwards)["resets"] >= 1);
    CHECK(billing["month_pages"] == last - first);

    // The anomaly check judges whole Tokyo days only: the cycles' samples are moved back by
    // exactly one day (deltas and order unchanged) and yesterday is judged, as the daily job does.
    fleet.execute("UPDATE telemetry_samples SET at = at - 86400");
    const auto scanned = audited(fleet.server, [&] {
        return post_json(fleet.desk, "/api/v1/telemetry/anomalies/scan", json::object());
    });
    REQUIRE(scanned);
    INFO(scanned->body);
    REQUIRE(scanned->status == 200);
    const auto listed = fleet.desk.client->Get("/api/v1/telemetry/anomalies");
    REQUIRE(listed);
    REQUIRE(listed->status == 200);
    const auto anomalies = json_of(listed)["anomalies"];
    REQUIRE(anomalies.size() == 1);
    CHECK(anomalies[0]["asset_tag"] == "MFP-BACKWARDS");
    CHECK(anomalies[0]["kind"] == "counter_backwards");
}
