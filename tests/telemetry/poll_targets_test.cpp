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
    auto insert = database.prepare(
        "INSERT INTO telemetry_device_state (device_id, polled_at, reachable, reading) VALUES (?1, '2026-11-27T01:00:00Z', 1, ?2)");
    REQUIRE(insert);
    const auto state = [&](std::int64_t device, const std::string& reading) {
        insert.value().reset();
        insert.value().bind(1, device).bind(2, reading);
        REQUIRE(insert.value().step());
    };
    state(read, R"({"supplies":[{"index":1},{"index":2},{"index":3},{"index":4},{"index":5}],"alerts":[],)"
                R"("ricoh_counters":[{"index":1},{"index":2}],"ricoh_toners":[{"index":1}]})");
    state(status_only, R"({"alerts":[{"index":1}]})");
    state(garbled, "not json");

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

}  // namespace madoguchi::testing
