// Which devices a cycle polls, in what order and at which agent (server/telemetry/poll_targets).
#include <catch2/catch.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "telemetry/fleet_sim_support.hpp"
#include "telemetry/poll_targets.hpp"

namespace madoguchi::testing {
namespace {

namespace telemetry = server::telemetry;

void set_reachable(server::store::Database& database, std::int64_t device, bool reachable) {
    auto insert = database.prepare("INSERT INTO telemetry_device_state (device_id, polled_at, reachable) VALUES (?1, ?2, ?3)");
    REQUIRE(insert);
    insert.value().bind(1, device).bind(2, std::string("2026-11-27T01:00:00Z")).bind(3, static_cast<std::int64_t>(reachable));
    REQUIRE(insert.value().step());
}

// A device's last state as a cycle stores it, `reading` its JSON.
void store_reading(server::store::Database& database, std::int64_t device, const std::string& reading) {
    auto insert = database.prepare(
        "INSERT INTO telemetry_device_state (device_id, polled_at, reachable, reading) VALUES (?1, '2026-11-27T01:00:00Z', 1, ?2)");
    REQUIRE(insert);
    insert.value().bind(1, device).bind(2, reading);
    REQUIRE(insert.value().step());
}

std::vector<std::string> tags(const std::vector<telemetry::PollTarget>& targets) {
    std::vector<std::string> out;
    for (const auto& target : targets) out.push_back(target.asset_tag);
    return out;
}

}  // namespace

TEST_CASE("telemetry: the devices silent at the last poll are polled first, then the rest in ledger order") {
    TempDir folder;
    auto database = telemetry_database(folder.path());
    const auto a = add_polled_device(database, "MFP-000001");
    const auto b = add_polled_device(database, "MFP-000002");
    add_polled_device(database, "MFP-000003");  // never polled yet
    const auto d = add_polled_device(database, "MFP-000004");
    set_reachable(database, a, true);
    set_reachable(database, b, false);
    set_reachable(database, d, false);

    const auto targets = telemetry::load_poll_targets(database, {});
    REQUIRE(targets);
    CHECK(tags(targets.value()) == std::vector<std::string>{"MFP-000002", "MFP-000004", "MFP-000001", "MFP-000003"});
    // Without an override each device is asked at its own address, on its profile's port.
    CHECK(targets.value().front().agent == "10.20.3.10:161");
    CHECK(targets.value().front().credentials.community == "MFP-000002");
}

TEST_CASE("telemetry: a list of simulated agents spreads the devices over them by id, one agent takes them all") {
    TempDir folder;
    auto database = telemetry_database(folder.path());
    for (int n = 1; n <= 6; ++n) add_polled_device(database, "MFP-00000" + std::to_string(n));

    const auto spread = telemetry::load_poll_targets(database, {.agent_override = "127.0.0.1:16199,127.0.0.1:16200", .device_id = {}});
    REQUIRE(spread);
    std::map<std::string, int> per_agent;
    for (const auto& target : spread.value()) {
        ++per_agent[target.agent];
        CHECK(target.agent == (target.device_id % 2 == 0 ? "127.0.0.1:16199" : "127.0.0.1:16200"));
    }
    CHECK(per_agent == std::map<std::string, int>{{"127.0.0.1:16199", 3}, {"127.0.0.1:16200", 3}});

    const auto one = telemetry::load_poll_targets(database, {.agent_override = "127.0.0.1:16199", .device_id = {}});
    REQUIRE(one);
    REQUIRE(one.value().size() == 6);
    for (const auto& target : one.value()) CHECK(target.agent == "127.0.0.1:16199");
}

TEST_CASE("telemetry: each device's target carries the table sizes of its last reading, none where it has not read a table") {
    TempDir folder;
    auto database = telemetry_database(folder.path());
    const auto read = add_polled_device(database, "MFP-000001");
    const auto status_only = add_polled_device(database, "MFP-000002");
    const auto garbled = add_polled_device(database, "MFP-000003");
    add_polled_device(database, "MFP-000004");  // never polled yet
    store_reading(database, read, R"({"supplies":[{"index":1},{"index":2},{"index":3},{"index":4},{"index":5}],"alerts":[],)"
                R"("ricoh_counters":[{"index":1},{"index":2}],"ricoh_toners":[{"index":1}]})");
    store_reading(database, status_only, R"({"alerts":[{"index":1}]})");
    store_reading(database, garbled, "not json");

    const auto targets = telemetry::load_poll_targets(database, {});
    REQUIRE(targets);
    std::map<std::string, telemetry::TableRows> rows;
    for (const auto& target : targets.value()) rows[target.asset_tag] = target.last_rows;
    using Sizes = std::vector<std::optional<std::size_t>>;
    const auto sizes = [&](const std::string& tag) {
        const auto& r = rows.at(tag);
        return Sizes{r.supplies, r.alerts, r.ricoh_counters, r.ricoh_toners};
    };
    CHECK(sizes("MFP-000001") == Sizes{5, 0, 2, 1});
    CHECK(sizes("MFP-000002") == Sizes{std::nullopt, 1, std::nullopt, std::nullopt});
    CHECK(sizes("MFP-000003") == Sizes{std::nullopt, std::nullopt, std::nullopt, std::nullopt});
    CHECK(sizes("MFP-000004") == Sizes{std::nullopt, std::nullopt, std::nullopt, std::nullopt});
}

TEST_CASE("telemetry: each device's target carries the supplies layout of its last reading, none where it is unusable") {
    TempDir folder;
    auto database = telemetry_database(folder.path());
    const auto read = add_polled_device(database, "MFP-000001");
    const auto status_only = add_polled_device(database, "MFP-000002");
    const auto unindexed = add_polled_device(database, "MFP-000003");
    const auto mono = add_polled_device(database, "FPM-000001");
    store_reading(database, read, R"({"supplies":[{"index":1,"class":3,"type":3,"description":"Black Toner","unit":19,"max_capacity":100,"level":8},)"
                R"({"index":2,"class":4,"type":4,"description":"Waste Toner","unit":19,"max_capacity":null,"level":-3}],)"
                R"("ricoh_toners":[{"index":1,"name":"Black Toner","level":-100}]})");
    store_reading(database, status_only, R"({"alerts":[]})");
    store_reading(database, unindexed, R"({"supplies":[{"description":"Black Toner"}],"ricoh_toners":[]})");
    store_reading(database, mono, R"({"supplies":[{"index":1,"description":"Toner","level":50}],"ricoh_toners":[]})");

    const auto targets = telemetry::load_poll_targets(database, {});
    REQUIRE(targets);
    std::map<std::string, std::optional<telemetry::SupplyLayout>> layouts;
    for (const auto& target : targets.value()) layouts[target.asset_tag] = target.supply_layout;
    const auto& layout = layouts.at("MFP-000001");
    REQUIRE(layout);
    REQUIRE(layout->supplies.size() == 2);
    CHECK(layout->supplies[0].index == 1);
    CHECK(layout->supplies[0].supply_class == 3);
    CHECK(layout->supplies[0].type == 3);
    CHECK(layout->supplies[0].description == "Black Toner");
    CHECK(layout->supplies[0].unit == 19);
    CHECK(layout->supplies[0].max_capacity == 100);
    CHECK(layout->supplies[1].description == "Waste Toner");
    CHECK_FALSE(layout->supplies[1].max_capacity.has_value());
    REQUIRE(layout->ricoh_toners.size() == 1);
    CHECK(layout->ricoh_toners[0].name == "Black Toner");
    CHECK_FALSE(layouts.at("MFP-000002").has_value());
    CHECK_FALSE(layouts.at("MFP-000003").has_value());  // a row without its index cannot be matched
    REQUIRE(layouts.at("FPM-000001").has_value());
    CHECK(layouts.at("FPM-000001")->supplies.size() == 1);
    CHECK(layouts.at("FPM-000001")->ricoh_toners.empty());
}

}  // namespace madoguchi::testing
