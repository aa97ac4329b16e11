// Every value the poller reads, from a real snmpsim agent, over v2c and v3 authPriv, and as
// stored: the last state per device and the samples.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "telemetry/fleet_sim_support.hpp"
#include "telemetry/poll_cycle.hpp"

namespace madoguchi::testing {
namespace {

namespace telemetry = server::telemetry;

// A Ricoh MFP with an error, an alert, a waste-toner box and Ricoh's private tables.
std::vector<std::string> ricoh_mfp_records() {
    return {
        "1.3.6.1.2.1.1.1.0|4|RICOH IM C3010 1.02 / RICOH Network Printer",
        "1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.367.1.1",
        "1.3.6.1.2.1.1.3.0|67|4242",
        "1.3.6.1.2.1.1.5.0|4|mfp-000001",
        "1.3.6.1.2.1.43.5.1.1.17.1|4|E123456789",
        "1.3.6.1.2.1.43.10.2.1.3.1.1|2|7",
        "1.3.6.1.2.1.43.10.2.1.4.1.1|65|123456",
        "1.3.6.1.2.1.25.3.2.1.5.1|2|3",
        "1.3.6.1.2.1.25.3.5.1.1.1|2|1",
        "1.3.6.1.2.1.25.3.5.1.2.1|4x|0401",
        "1.3.6.1.2.1.43.11.1.1.4.1.1|2|3",
        "1.3.6.1.2.1.43.11.1.1.5.1.1|2|3",
        "1.3.6.1.2.1.43.11.1.1.6.1.1|4|Black Toner",
        "1.3.6.1.2.1.43.11.1.1.7.1.1|2|19",
        "1.3.6.1.2.1.43.11.1.1.8.1.1|2|100",
        "1.3.6.1.2.1.43.11.1.1.9.1.1|2|8",
        "1.3.6.1.2.1.43.11.1.1.4.1.2|2|4",
        "1.3.6.1.2.1.43.11.1.1.5.1.2|2|4",
        "1.3.6.1.2.1.43.11.1.1.6.1.2|4|Waste Toner",
        "1.3.6.1.2.1.43.11.1.1.7.1.2|2|19",
        "1.3.6.1.2.1.43.11.1.1.8.1.2|2|-2",
        "1.3.6.1.2.1.43.11.1.1.9.1.2|2|-3",
        "1.3.6.1.2.1.43.18.1.1.2.1.1|2|3",
        "1.3.6.1.2.1.43.18.1.1.4.1.1|2|13",
        "1.3.6.1.2.1.43.18.1.1.7.1.1|2|8",
        "1.3.6.1.2.1.43.18.1.1.8.1.1|4|Paper jam in tray 2",
        "1.3.6.1.4.1.367.3.2.1.1.1.2.0|4|1.05",
        "1.3.6.1.4.1.367.3.2.1.2.1.4.0|4|E123456789",
        "1.3.6.1.4.1.367.3.2.1.2.19.5.1.5.1|4|Total",
        "1.3.6.1.4.1.367.3.2.1.2.19.5.1.9.1|65|123456",
        "1.3.6.1.4.1.367.3.2.1.2.19.5.1.5.2|4|Copy",
        "1.3.6.1.4.1.367.3.2.1.2.19.5.1.9.2|65|50000",
        "1.3.6.1.4.1.367.3.2.1.2.24.1.1.2.1|4|Black Toner",
        "1.3.6.1.4.1.367.3.2.1.2.24.1.1.5.1|2|-100",
    };
}

void check_ricoh_mfp(const telemetry::SnmpReading& r) {
    CHECK(r.sys_descr == "RICOH IM C3010 1.02 / RICOH Network Printer");
    CHECK(r.sys_object_id == "1.3.6.1.4.1.367.1.1");
    CHECK(r.sys_uptime == 4242);
    CHECK(r.sys_name == "mfp-000001");
    CHECK(r.serial_number == "E123456789");
    CHECK(r.marker_counter_unit == 7);
    CHECK(r.marker_life_count == 123456);
    CHECK(r.device_status == 3);
    CHECK(r.printer_status == 1);
    CHECK(r.detected_error_state == std::string("\x04\x01", 2));
    REQUIRE(r.supplies.size() == 2);
    CHECK(r.supplies[0].index == 1);
    CHECK(r.supplies[0].supply_class == 3);
    CHECK(r.supplies[0].type == 3);
    CHECK(r.supplies[0].description == "Black Toner");
    CHECK(r.supplies[0].unit == 19);
    CHECK(r.supplies[0].max_capacity == 100);
    CHECK(r.supplies[0].level == 8);
    CHECK(r.supplies[1].supply_class == 4);
    CHECK(r.supplies[1].max_capacity == -2);
    CHECK(r.supplies[1].level == -3);
    REQUIRE(r.alerts.size() == 1);
    CHECK(r.alerts[0].severity == 3);
    CHECK(r.alerts[0].group == 13);
    CHECK(r.alerts[0].code == 8);
    CHECK(r.alerts[0].description == "Paper jam in tray 2");
    CHECK(r.ricoh_firmware_version == "1.05");
    CHECK(r.ricoh_serial_number == "E123456789");
    REQUIRE(r.ricoh_counters.size() == 2);
    CHECK(r.ricoh_counters[1].name == "Copy");
    CHECK(r.ricoh_counters[1].value == 50000);
    REQUIRE(r.ricoh_toners.size() == 1);
    CHECK(r.ricoh_toners[0].name == "Black Toner");
    CHECK(r.ricoh_toners[0].level == -100);
}

telemetry::PollTarget target(const FleetSimulator& simulator, const std::string& tag) {
    telemetry::PollTarget t;
    t.device_id = 1;
    t.asset_tag = tag;
    t.agent = simulator.agent();
    t.credentials.community = tag;
    return t;
}

}  // namespace

TEST_CASE("telemetry: every polled OID of a Ricoh MFP is read as the agent sent it, over v2c") {
    TempDir folder;
    write_records(folder.path() / "data", "MFP-000001", ricoh_mfp_records());
    FleetSimulator simulator(folder.path() / "data", serve_only());
    const std::vector targets{target(simulator, "MFP-000001")};
    // A small max-repetitions makes the walks take several requests.
    for (const int repetitions : {2, 16}) {
        const auto outcome = telemetry::poll_devices(targets, {.window = 4, .repetitions = repetitions});
        REQUIRE(outcome.devices.size() == 1);
        const auto& device = outcome.devices[0];
        REQUIRE(device.reachable);
        CHECK(device.oddities.empty());
        check_ricoh_mfp(device.reading);
        CHECK(device.requests >= (repetitions == 2 ? 4 : 1));
    }
}

TEST_CASE("telemetry: a printer without Ricoh's private MIB reads the standard values and empty private ones") {
    TempDir folder;
    write_records(folder.path() / "data", "FPM-000001",
                  {"1.3.6.1.2.1.1.5.0|4|fpm-000001", "1.3.6.1.2.1.43.10.2.1.4.1.1|65|77",
                   "1.3.6.1.2.1.43.11.1.1.9.1.1|2|50"});
    FleetSimulator simulator(folder.path() / "data", serve_only());
    const std::vector targets{target(simulator, "FPM-000001")};
    const auto outcome = telemetry::poll_devices(targets, {});
    const auto& device = outcome.devices.at(0);
    REQUIRE(device.reachable);
    CHECK(device.oddities.empty());
    CHECK(device.reading.marker_life_count == 77);
    CHECK(device.reading.supplies.at(0).level == 50);
    CHECK_FALSE(device.reading.device_status.has_value());
    CHECK(device.reading.ricoh_firmware_version.empty());
    CHECK(device.reading.ricoh_toners.empty());
}

TEST_CASE("telemetry: v3 authPriv (SHA, AES) reads the device chosen by its context, a wrong passphrase reads nothing") {
    TempDir folder;
    write_records(folder.path() / "data", "MFP-000001", ricoh_mfp_records());
    auto options = serve_only();
    options.v3_user = "madoguchi-poller";
    FleetSimulator simulator(folder.path() / "data", options);
    auto database = telemetry_database(folder.path());
    add_v3_profile(database, "ricoh-v3", options);
    auto wrong = options;
    wrong.v3_auth = "not-the-passphrase";
    add_v3_profile(database, "ricoh-v3-wrong", wrong);
    const auto good = add_polled_device(database, "MFP-000001", "ricoh-v3");
    const auto bad = add_polled_device(database, "MFP-000002", "ricoh-v3-wrong");
    telemetry::TargetOptions through_simulator;
    through_simulator.agent_override = simulator.agent();
    auto targets = telemetry::load_poll_targets(database, through_simulator);
    REQUIRE(targets);
    REQUIRE(targets.value().size() == 2);
    CHECK(targets.value()[0].credentials.context == "MFP-000001");
    // snmpsim answers every context from one engine, and net-snmp keeps one key pair per engine
    // and user: the two profiles are polled in turn, as two real printers (two engines) need not.
    const auto poll = [&](std::size_t index) {
        return telemetry::poll_devices(std::span(targets.value()).subspan(index, 1),
                                       {.timeout = std::chrono::milliseconds{500}}).devices.at(0);
    };
    const auto read = poll(0);
    REQUIRE(read.device_id == good);
    INFO("failure: " << read.failure);
    REQUIRE(read.reachable);
    check_ricoh_mfp(read.reading);
    const auto refused = poll(1);
    CHECK(refused.device_id == bad);
    CHECK_FALSE(refused.reachable);
    CHECK_FALSE(refused.failure.empty());
    CHECK(poll(0).reachable);  // the right passphrase reads again after the wrong one
}

TEST_CASE("telemetry: a cycle stores the last raw state per device, samples per kind, and the cycle's figures") {
    TempDir folder;
    write_records(folder.path() / "data", "MFP-000001", ricoh_mfp_records());
    FleetSimulator simulator(folder.path() / "data", serve_only());
    auto database = telemetry_database(folder.path());
    const auto device = add_polled_device(database, "MFP-000001");
    telemetry::CycleRequest request;
    request.targets.agent_override = simulator.agent();
    auto cycle = telemetry::run_poll_cycle(database, request);
    REQUIRE(cycle);
    CHECK(cycle.value().devices == 1);
    CHECK(cycle.value().reachable == 1);
    CHECK(cycle.value().samples_written == 4);

    const auto state = nlohmann::json::parse(
        query_text(database, "SELECT reading FROM telemetry_device_state WHERE device_id = " + std::to_string(device)));
    CHECK(state["marker_life_count"] == 123456);
    CHECK(state["detected_error_state"] == "0401");
    CHECK(state["supplies"][1]["level"] == -3);
    CHECK(state["ricoh_toners"][0]["level"] == -100);
    CHECK(state["alerts"][0]["description"] == "Paper jam in tray 2");
    CHECK(query_text(database, "SELECT payload FROM telemetry_samples WHERE kind = 3") == "[123456,7,[[1,123456],[2,50000]]]");
    CHECK(query_text(database, "SELECT payload FROM telemetry_samples WHERE kind = 1") == "[3,1,\"0401\",[[3,13,8]]]");
    CHECK(query_number(database, "SELECT reachable + devices + in_flight_peak FROM telemetry_poll_cycles") == 3);

    // Nothing changed but the time: only the counters are sampled again.
    auto again = telemetry::run_poll_cycle(database, request);
    REQUIRE(again);
    CHECK(query_number(database, "SELECT count(*) FROM telemetry_samples WHERE kind <> 3") == 3);

    // A status poll asks only for the status values; the state keeps the others.
    request.kinds = *telemetry::parse_kinds("status");
    auto status = telemetry::run_poll_cycle(database, request);
    REQUIRE(status);
    CHECK(status.value().requests == 1);
    const auto merged = nlohmann::json::parse(query_text(database, "SELECT reading FROM telemetry_device_state"));
    CHECK(merged["device_status"] == 3);
    CHECK(merged["marker_life_count"] == 123456);
    CHECK(merged["sys_name"] == "mfp-000001");
}

TEST_CASE("telemetry: between its hourly reads a printer's supplies are read by their levels, completed from its layout") {
    TempDir folder;
    write_records(folder.path() / "data", "MFP-000001", ricoh_mfp_records());
    FleetSimulator simulator(folder.path() / "data", serve_only());
    auto database = telemetry_database(folder.path());
    add_polled_device(database, "MFP-000001");
    telemetry::CycleRequest request;
    request.targets.agent_override = simulator.agent();
    REQUIRE(telemetry::run_poll_cycle(database, request));
    const auto state = [&] { return nlohmann::json::parse(query_text(database, "SELECT reading FROM telemetry_device_state")); };
    // The cartridge's description as read before the device's was changed: what the last
    // reading holds is what a levels poll keeps, so the stored one shows it was not asked again.
    REQUIRE(database.execute("UPDATE telemetry_device_state SET reading = json_set(reading, "
                             "'$.supplies[0].description', 'Black Toner (as read before)', '$.ricoh_toners[0].name', 'K')"));

    request.kinds = *telemetry::parse_kinds("status,supplies");
    auto levels = telemetry::run_poll_cycle(database, request);
    REQUIRE(levels);
    CHECK(levels.value().requests == 1);
    auto supplies = state()["supplies"];
    REQUIRE(supplies.size() == 2);
    CHECK(supplies[0]["description"] == "Black Toner (as read before)");
    CHECK(supplies[0]["class"] == 3);
    CHECK(supplies[0]["unit"] == 19);
    CHECK(supplies[0]["max_capacity"] == 100);
    CHECK(supplies[0]["level"] == 8);
    CHECK(supplies[1]["description"] == "Waste Toner");
    CHECK(supplies[1]["max_capacity"] == -2);
    CHECK(supplies[1]["level"] == -3);
    CHECK(state()["ricoh_toners"] == nlohmann::json::parse(R"([{"index":1,"name":"K","level":-100}])"));

    // The counters' turn reads the supplies whole again.
    request.kinds = *telemetry::parse_kinds("status,supplies,counters");
    REQUIRE(telemetry::run_poll_cycle(database, request));
    CHECK(state()["supplies"][0]["description"] == "Black Toner");
    CHECK(state()["ricoh_toners"][0]["name"] == "Black Toner");

    // A supply the layout does not have (a slot added, or a layout from another model): the
    // table is read whole within the same poll.
    REQUIRE(database.execute("UPDATE telemetry_device_state SET reading = json_set(json_remove(reading, '$.supplies[1]'), "
                             "'$.supplies[0].description', 'Black Toner (as read before)')"));
    request.kinds = *telemetry::parse_kinds("status,supplies");
    auto added = telemetry::run_poll_cycle(database, request);
    REQUIRE(added);
    CHECK(added.value().requests == 2);
    supplies = state()["supplies"];
    REQUIRE(supplies.size() == 2);
    CHECK(supplies[0]["description"] == "Black Toner");
    CHECK(supplies[1]["description"] == "Waste Toner");
    CHECK(supplies[1]["class"] == 4);
    CHECK(supplies[1]["level"] == -3);
    CHECK(query_number(database, "SELECT count(*) FROM telemetry_device_state WHERE oddities <> '[]'") == 0);
}

}  // namespace madoguchi::testing
