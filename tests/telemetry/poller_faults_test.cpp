// Printers that do not answer, answer garbage, or answer differently from one cycle to the next.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "telemetry/fleet_sim_support.hpp"
#include "telemetry/poll_cycle.hpp"

namespace madoguchi::testing {
namespace {

namespace telemetry = server::telemetry;

bool has_oddity(const telemetry::DeviceReading& device, const std::string& code, const std::string& oid) {
    return std::any_of(device.oddities.begin(), device.oddities.end(),
                       [&](const telemetry::Oddity& o) { return o.code == code && o.oid == oid; });
}

}  // namespace

TEST_CASE("telemetry: an offline printer is marked unreachable each cycle and keeps its last reading") {
    TempDir folder;
    write_records(folder.path() / "data", "MFP-000001", {"1.3.6.1.2.1.1.5.0|4|mfp-000001"});
    FleetSimulator simulator(folder.path() / "data", serve_only());
    auto database = telemetry_database(folder.path());
    const auto online = add_polled_device(database, "MFP-000001");
    const auto offline = add_polled_device(database, "MFP-000002");
    telemetry::CycleRequest request;
    request.targets.agent_override = simulator.agent();
    request.settings.timeout = std::chrono::milliseconds{300};
    request.settings.retries = 1;
    for (int cycle = 1; cycle <= 2; ++cycle) {
        auto summary = telemetry::run_poll_cycle(database, request);
        REQUIRE(summary);
        CHECK(summary.value().reachable == 1);
        CHECK(summary.value().timeouts == 1);
    }
    const auto where = [](std::int64_t id) { return " FROM telemetry_device_state WHERE device_id = " + std::to_string(id); };
    CHECK(query_number(database, "SELECT reachable" + where(offline)) == 0);
    CHECK(query_text(database, "SELECT failure" + where(offline)) == "timeout");
    CHECK(query_number(database, "SELECT offline_cycles" + where(offline)) == 2);
    CHECK(query_number(database, "SELECT last_seen_at IS NULL" + where(offline)) == 1);
    CHECK(query_number(database, "SELECT offline_cycles" + where(online)) == 0);
    CHECK(query_number(database, "SELECT count(*) FROM telemetry_samples WHERE device_id = " + std::to_string(offline)) == 0);

    // The printer goes silent: its state says so, its last reading stays.
    std::filesystem::remove(folder.path() / "data" / "MFP-000001.snmprec");
    FleetSimulator restarted(folder.path() / "data", serve_only());
    request.targets.agent_override = restarted.agent();
    REQUIRE(telemetry::run_poll_cycle(database, request));
    CHECK(query_number(database, "SELECT reachable" + where(online)) == 0);
    CHECK(nlohmann::json::parse(query_text(database, "SELECT reading" + where(online)))["sys_name"] == "mfp-000001");
    CHECK(query_number(database, "SELECT last_seen_at IS NOT NULL" + where(online)) == 1);
}

TEST_CASE("telemetry: garbage answers are left out and noted once each, and the good values still read") {
    TempDir folder;
    const std::string huge(5000, 'x');
    write_records(folder.path() / "data", "MFP-000666",
                  {
                      "1.3.6.1.2.1.1.1.0|2|42",                       // sysDescr as a number
                      "1.3.6.1.2.1.1.2.0|4|not an oid",                // sysObjectID as a string
                      "1.3.6.1.2.1.1.3.0|4|yesterday",                 // sysUpTime as a string
                      "1.3.6.1.2.1.1.5.0|4|" + huge,                   // a huge sysName
                      "1.3.6.1.2.1.43.10.2.1.4.1.1|2|-5",              // a negative page counter
                      "1.3.6.1.2.1.25.3.2.1.5.1|4|running",            // hrDeviceStatus as a string
                      "1.3.6.1.2.1.25.3.5.1.1.1|2|3",
                      "1.3.6.1.2.1.25.3.5.1.2.1|4x|",                  // an empty error-state string
                      "1.3.6.1.2.1.43.11.1.1.6.1.1|4x|fffe41",           // invalid UTF-8
                      "1.3.6.1.2.1.43.11.1.1.8.1.1|2|100",
                      "1.3.6.1.2.1.43.11.1.1.9.1.1|2|250",             // above max: raw, for shared/ to judge
                      "1.3.6.1.2.1.43.11.1.1.9.1.2|4|half",            // a level as a string
                      "1.3.6.1.4.1.367.3.2.1.2.19.5.1.9.1|65|100",
                  });
    FleetSimulator simulator(folder.path() / "data", serve_only());
    auto database = telemetry_database(folder.path());
    add_polled_device(database, "MFP-000666");
    telemetry::CycleRequest request;
    request.targets.agent_override = simulator.agent();
    auto targets = telemetry::load_poll_targets(database, request.targets);
    REQUIRE(targets);
    const auto outcome = telemetry::poll_devices(targets.value(), request.settings);
    const auto& device = outcome.devices.at(0);
    REQUIRE(device.reachable);
    CHECK(has_oddity(device, "wrong_type", "1.3.6.1.2.1.1.1.0"));
    CHECK(has_oddity(device, "wrong_type", "1.3.6.1.2.1.1.2.0"));
    CHECK(has_oddity(device, "wrong_type", "1.3.6.1.2.1.1.3.0"));
    CHECK(has_oddity(device, "string_too_long", "1.3.6.1.2.1.1.5.0"));
    CHECK(has_oddity(device, "negative_counter", "1.3.6.1.2.1.43.10.2.1.4.1.1"));
    CHECK(has_oddity(device, "wrong_type", "1.3.6.1.2.1.25.3.2.1.5.1"));
    CHECK(has_oddity(device, "wrong_type", "1.3.6.1.2.1.43.11.1.1.9.1.2"));
    CHECK(device.oddities.size() == 7);
    const auto& r = device.reading;
    CHECK(r.sys_descr.empty());
    CHECK_FALSE(r.sys_uptime.has_value());
    CHECK(r.sys_name == std::string(255, 'x'));
    CHECK_FALSE(r.marker_life_count.has_value());
    CHECK(r.printer_status == 3);
    CHECK(r.detected_error_state == std::string());
    REQUIRE(r.supplies.size() == 2);
    CHECK(r.supplies[0].level == 250);
    CHECK_FALSE(r.supplies[1].level.has_value());

    // Stored: valid JSON (the invalid UTF-8 replaced), the oddities beside the state.
    auto summary = telemetry::run_poll_cycle(database, request);
    REQUIRE(summary);
    CHECK(summary.value().oddities == 1);
    const auto state = nlohmann::json::parse(query_text(database, "SELECT reading FROM telemetry_device_state"));
    CHECK(state["supplies"][0]["description"] == "\xEF\xBF\xBD\xEF\xBF\xBD" "A");
    CHECK(nlohmann::json::parse(query_text(database, "SELECT oddities FROM telemetry_device_state")).size() == 7);
}

TEST_CASE("telemetry: a printer whose answers change between cycles is read anew each cycle") {
    TempDir folder;
    write_records(folder.path() / "data", "MFP-000001",
                  {"1.3.6.1.2.1.43.10.2.1.4.1.1|65:numeric|rate=50,initial=1000,cumulative=1",
                   "1.3.6.1.2.1.43.11.1.1.9.1.1|2:numeric|rate=-20,initial=90,min=0"});
    FleetSimulator simulator(folder.path() / "data", serve_only());
    auto database = telemetry_database(folder.path());
    add_polled_device(database, "MFP-000001");
    telemetry::CycleRequest request;
    request.targets.agent_override = simulator.agent();
    REQUIRE(telemetry::run_poll_cycle(database, request));
    std::this_thread::sleep_for(std::chrono::milliseconds{1100});
    REQUIRE(telemetry::run_poll_cycle(database, request));
    const auto counters = [&](const char* order) {
        return nlohmann::json::parse(query_text(
            database, std::string("SELECT payload FROM telemetry_samples WHERE kind = 3 ORDER BY at ") + order + " LIMIT 1"))[0]
            .get<std::int64_t>();
    };
    CHECK(counters("DESC") > counters("ASC"));
    CHECK(query_number(database, "SELECT count(*) FROM telemetry_samples WHERE kind = 2") == 2);
    const auto state = nlohmann::json::parse(query_text(database, "SELECT reading FROM telemetry_device_state"));
    CHECK(state["marker_life_count"].get<std::int64_t>() == counters("DESC"));
}

TEST_CASE("telemetry: a Ricoh with dozens of counters has them walked by name and value only once their number is known") {
    TempDir folder;
    // A real Ricoh's counter table: a type (column 2), a name (5) and a value (9) for each of
    // dozens of counters by function and colour.
    std::vector<std::string> counters;
    for (int row = 1; row <= 40; ++row) {
        const auto index = std::to_string(row);
        counters.push_back("1.3.6.1.4.1.367.3.2.1.2.19.5.1.2." + index + "|2|" + std::to_string(100 + row));
        counters.push_back("1.3.6.1.4.1.367.3.2.1.2.19.5.1.5." + index + "|4|Counter " + index);
        counters.push_back("1.3.6.1.4.1.367.3.2.1.2.19.5.1.9." + index + "|65|" + std::to_string(1000 * row));
    }
    write_records(folder.path() / "data", "MFP-000001", counters);
    FleetSimulator simulator(folder.path() / "data", serve_only());
    auto database = telemetry_database(folder.path());
    add_polled_device(database, "MFP-000001");
    telemetry::CycleRequest request;
    request.targets.agent_override = simulator.agent();
    request.kinds = {};
    request.kinds.due[static_cast<std::size_t>(telemetry::SampleKind::counters) - 1] = true;
    const auto requests = [&] {
        return query_number(database, "SELECT requests FROM telemetry_poll_cycles ORDER BY id DESC LIMIT 1");
    };
    const auto stored_counters = [&] {
        return nlohmann::json::parse(query_text(database, "SELECT reading FROM telemetry_device_state"))["ricoh_counters"];
    };

    // First the device was never read: its scalars alone, then, the table's size unknown, the
    // whole table, 120 cells and the end, 16 a request.
    REQUIRE(telemetry::run_poll_cycle(database, request));
    CHECK(requests() == 1 + 8);
    const auto whole = stored_counters();
    REQUIRE(whole.size() == 40);
    CHECK(whole[39]["name"] == "Counter 40");
    CHECK(whole[39]["value"] == 40000);

    // Then by its two columns: 40 names and 40 values and their ends, 16 of each a request.
    REQUIRE(telemetry::run_poll_cycle(database, request));
    CHECK(requests() == 3);
    CHECK(stored_counters() == whole);
}

TEST_CASE("telemetry: a device's GETBULK fits the tables it held last time, and a table that grew is still read to its end") {
    TempDir folder;
    std::vector<std::string> alerts;
    for (int row = 1; row <= 3; ++row) {
        const auto index = std::to_string(row);
        alerts.push_back("1.3.6.1.2.1.43.18.1.1.2.1." + index + "|2|4");
        alerts.push_back("1.3.6.1.2.1.43.18.1.1.4.1." + index + "|2|8");
        alerts.push_back("1.3.6.1.2.1.43.18.1.1.7.1." + index + "|2|" + std::to_string(1100 + row));
        alerts.push_back("1.3.6.1.2.1.43.18.1.1.8.1." + index + "|4|Paper jam " + index);
    }
    write_records(folder.path() / "data", "MFP-000001", alerts);
    FleetSimulator simulator(folder.path() / "data", serve_only());
    auto database = telemetry_database(folder.path());
    const auto device = add_polled_device(database, "MFP-000001");
    // Last time every table was empty: each is asked as a non-repeater, its one binding; the
    // alert table answers a row, and its walk goes on at 2 repetitions (0 rows + 1, at least 2).
    auto state = database.prepare(
        "INSERT INTO telemetry_device_state (device_id, polled_at, reachable, reading) VALUES (?1, '2026-11-27T01:00:00Z', 1, "
        "'{\"supplies\":[],\"alerts\":[],\"ricoh_counters\":[],\"ricoh_toners\":[]}')");
    REQUIRE(state);
    state.value().bind(1, device);
    REQUIRE(state.value().step());
    telemetry::CycleRequest request;
    request.targets.agent_override = simulator.agent();
    REQUIRE(telemetry::run_poll_cycle(database, request));
    // 12 alert cells and the end: 1, then 2 a request: 7 requests, and every alert read.
    CHECK(query_number(database, "SELECT requests FROM telemetry_poll_cycles ORDER BY id DESC LIMIT 1") == 7);
    const auto read = nlohmann::json::parse(query_text(database, "SELECT reading FROM telemetry_device_state"));
    REQUIRE(read["alerts"].size() == 3);
    CHECK(read["alerts"][2]["description"] == "Paper jam 3");
    CHECK(read["alerts"][2]["code"] == 1103);

    // Now it knows three alerts (up to 8 columns each): one request of the full 16 reads them.
    REQUIRE(telemetry::run_poll_cycle(database, request));
    CHECK(query_number(database, "SELECT requests FROM telemetry_poll_cycles ORDER BY id DESC LIMIT 1") == 1);
    CHECK(nlohmann::json::parse(query_text(database, "SELECT reading FROM telemetry_device_state"))["alerts"].size() == 3);
}

}  // namespace madoguchi::testing

namespace madoguchi::testing {
namespace {

// A UDP port on loopback that takes requests and never answers: a printer switched off
// behind a switch that still delivers (no ICMP refusal to end the wait early).
class SilentAgent {
public:
    SilentAgent() : fd_(socket(AF_INET, SOCK_DGRAM, 0)) {
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        REQUIRE(bind(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
        socklen_t length = sizeof address;
        getsockname(fd_, reinterpret_cast<sockaddr*>(&address), &length);
        port_ = ntohs(address.sin_port);
    }
    ~SilentAgent() { close(fd_); }
    SilentAgent(const SilentAgent&) = delete;
    SilentAgent& operator=(const SilentAgent&) = delete;
    std::string agent() const { return "127.0.0.1:" + std::to_string(port_); }

private:
    int fd_;
    int port_ = 0;
};

}  // namespace
}  // namespace madoguchi::testing

TEST_CASE("telemetry: silent v3 printers cost one timeout in parallel, not one each before the others are asked") {
    using namespace madoguchi::testing;
    namespace telemetry = madoguchi::server::telemetry;
    TempDir folder;
    auto options = serve_only();
    options.v3_user = "madoguchi-poller";
    std::vector<telemetry::PollTarget> targets;
    for (int n = 1; n <= 4; ++n) {
        const auto tag = "MFP-00000" + std::to_string(n);
        write_records(folder.path() / "data", tag, {"1.3.6.1.2.1.1.5.0|4|" + tag});
    }
    FleetSimulator simulator(folder.path() / "data", options);
    std::vector<SilentAgent> silent(5);
    const auto v3 = [&](const std::string& tag) {
        return telemetry::SnmpCredentials{telemetry::SnmpCredentials::Version::v3, "", options.v3_user, options.v3_auth,
                                          options.v3_priv, tag};
    };
    const auto v2c = [](const std::string& tag) {
        return telemetry::SnmpCredentials{telemetry::SnmpCredentials::Version::v2c, tag, "", "", "", ""};
    };
    const auto add = [&](std::int64_t id, const std::string& tag, const std::string& agent, telemetry::SnmpCredentials credentials) {
        telemetry::PollTarget target;
        target.device_id = id;
        target.asset_tag = tag;
        target.agent = agent;
        target.credentials = std::move(credentials);
        targets.push_back(std::move(target));
    };
    // The silent ones first: the synchronous discovery of snmp_open held every later device
    // back by 5 × 0.8 s.
    for (std::size_t n = 0; n < silent.size(); ++n) {
        const auto tag = "MFP-00010" + std::to_string(n);
        add(static_cast<std::int64_t>(100 + n), tag, silent[n].agent(), v3(tag));
    }
    add(1, "MFP-000001", simulator.agent(), v3("MFP-000001"));
    add(2, "MFP-000002", simulator.agent(), v3("MFP-000002"));
    add(3, "MFP-000003", simulator.agent(), v2c("MFP-000003"));
    add(4, "MFP-000004", simulator.agent(), v2c("MFP-000004"));

    const auto started = std::chrono::steady_clock::now();
    const auto outcome = telemetry::poll_devices(
        targets, {.window = 32, .timeout = std::chrono::milliseconds{400}, .retries = 1});
    const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    INFO("the cycle took " << seconds << " s");
    for (std::size_t n = 0; n < silent.size(); ++n) {
        CHECK_FALSE(outcome.devices[n].reachable);
        CHECK(outcome.devices[n].failure == "timeout");
    }
    for (std::size_t n = silent.size(); n < targets.size(); ++n) {
        INFO(targets[n].asset_tag << ": " << outcome.devices[n].failure);
        CHECK(outcome.devices[n].reachable);
        CHECK(outcome.devices[n].reading.sys_name == targets[n].asset_tag);
    }
    // One timeout with its retry (0.8 s) while the others are read, with room for a busy
    // machine; in series the silent ones alone took 4 s.
    CHECK(seconds < 2.5);
}

TEST_CASE("telemetry: among printers never read, a silent one is asked right after the others' first question, before their tables") {
    using namespace madoguchi::testing;
    namespace telemetry = madoguchi::server::telemetry;
    TempDir folder;
    // The page counter as a scalar and as Ricoh's first counter, both counting 100 a second
    // from the agent's start: the two tell when each was read.
    write_records(folder.path() / "data", "MFP-000001",
                  {"1.3.6.1.2.1.43.10.2.1.4.1.1|65:numeric|rate=100,initial=0",
                   "1.3.6.1.4.1.367.3.2.1.2.19.5.1.5.1|4|Total",
                   "1.3.6.1.4.1.367.3.2.1.2.19.5.1.9.1|65:numeric|rate=100,initial=0"});
    FleetSimulator simulator(folder.path() / "data", serve_only());
    SilentAgent silent;
    std::vector<telemetry::PollTarget> targets(2);
    targets[0].device_id = 1;
    targets[0].asset_tag = "MFP-000001";
    targets[0].agent = simulator.agent();
    targets[0].credentials = {telemetry::SnmpCredentials::Version::v2c, "MFP-000001", "", "", "", ""};
    targets[1].device_id = 2;
    targets[1].asset_tag = "MFP-000002";
    targets[1].agent = silent.agent();
    targets[1].credentials = {telemetry::SnmpCredentials::Version::v2c, "MFP-000002", "", "", "", ""};
    for (auto& target : targets) target.kinds = *telemetry::parse_kinds("counters");

    // One request in flight at a time: the silent printer's timeout and retry (0.8 s) come
    // between the first printer's scalars and its counter table.
    const auto outcome = telemetry::poll_devices(targets, {.window = 1, .timeout = std::chrono::milliseconds{400}, .retries = 1});
    REQUIRE(outcome.devices[0].reachable);
    CHECK(outcome.devices[0].requests == 2);
    CHECK(outcome.devices[1].failure == "timeout");
    const auto& reading = outcome.devices[0].reading;
    REQUIRE(reading.marker_life_count);
    REQUIRE(reading.ricoh_counters.size() == 1);
    REQUIRE(reading.ricoh_counters[0].value);
    INFO("scalar " << *reading.marker_life_count << ", table " << *reading.ricoh_counters[0].value);
    CHECK(*reading.ricoh_counters[0].value - *reading.marker_life_count >= 70);

    // Read before, a printer is asked its scalars and tables together, the silent one after it.
    for (auto& target : targets) target.last_read[static_cast<std::size_t>(telemetry::SampleKind::counters) - 1] =
        std::chrono::system_clock::now() - std::chrono::hours{1};
    const auto again = telemetry::poll_devices(targets, {.window = 1, .timeout = std::chrono::milliseconds{400}, .retries = 1});
    REQUIRE(again.devices[0].reachable);
    CHECK(again.devices[0].requests == 1);
    CHECK(*again.devices[0].reading.ricoh_counters[0].value - *again.devices[0].reading.marker_life_count < 70);
}
