#include "telemetry_fixtures.hpp"

#include <catch2/catch.hpp>

#include "store/database.hpp"
#include "telemetry/loop_rules_store.hpp"
#include "telemetry/telemetry_store.hpp"
#include "test_accounts.hpp"

namespace madoguchi::testing {
namespace {

namespace store = server::store;
namespace telemetry = server::telemetry;

store::Database open_database(const ServerProcess& server) {
    auto opened = store::Database::open(server.data_dir() / "madoguchi.db");
    REQUIRE(opened);
    return std::move(opened.value());
}

// One cycle: the jam bits on the first printer, 6 % black toner on the second, no answer from the third.
void record(store::Database& db, const TelemetryServer& fleet, std::int64_t counter, calendar::Instant at) {
    std::vector<telemetry::DeviceReading> devices(3);
    const auto printer = [&](telemetry::DeviceReading& device, std::int64_t id, std::string error_state, std::int64_t black) {
        device.device_id = id;
        device.reachable = true;
        auto& r = device.reading;
        r.device_status = 2;
        r.printer_status = 3;
        r.detected_error_state = std::move(error_state);
        r.marker_counter_unit = 7;
        r.marker_life_count = counter;
        r.supplies.push_back({1, 3, 3, "Black Toner", 19, 100, black});
    };
    printer(devices[0], fleet.jammed, "\x04", 70);
    printer(devices[1], fleet.low, std::string(1, '\0'), 6);
    devices[2].device_id = fleet.silent;
    devices[2].failure = "timeout";
    telemetry::CycleSummary summary;
    summary.trigger = "command";
    summary.started = at;
    summary.finished = at;
    summary.kinds = telemetry::every_kind();
    // The silent printer is unreachable from its first miss.
    auto stored = telemetry::load_loop_rules(db);
    REQUIRE(stored);
    if (stored.value().rules.offline_cycles != 1) {
        auto rules = stored.value().rules;
        rules.offline_cycles = 1;
        REQUIRE(telemetry::save_loop_rules(db, rules, stored.value().version, "it-office", at).value());
    }
    REQUIRE(telemetry::record_cycle(db, summary, devices));
}

}  // namespace

TelemetryServer::TelemetryServer(const std::string& snmp_agent) {
    std::vector<std::string> arguments;
    if (!snmp_agent.empty()) arguments = {"--snmp-agent", snmp_agent};
    server = std::make_unique<ServerProcess>(MADOGUCHI_SERVER_BINARY, arguments);
    add_account(*server, "desk1", {identity::Role::desk_operator});
    auto db = open_database(*server);
    REQUIRE(db.execute(
        "INSERT INTO device_models (maker, name, class) VALUES ('リコー', 'IM C3010', 'mfp');"
        "INSERT INTO locations (building, floor, room) VALUES ('本館', '10', '1001'), ('本館', '3', '301');"));
    model = db.query_int("SELECT id FROM device_models").value().value();
    const auto add = [&](const std::string& tag, const std::string& room) {
        REQUIRE(db.execute(
            "INSERT INTO devices (asset_tag, class, model_id, location_id, network_address, snmp_profile, "
            "toner_delivery_address, toner_contact, state, updated_at) VALUES ('" + tag + "', 'mfp', " +
            std::to_string(model) + ", (SELECT id FROM locations WHERE room = '" + room +
            "'), '10.0.0.1', 'ricoh-v2c', '本館10階', '総務課 内線1234', 'installed', '2026-11-25T00:00:00Z')"));
        return db.last_insert_id();
    };
    jammed = add("MFP-000001", "1001");
    low = add("MFP-000002", "1001");
    silent = add("MFP-000003", "301");
    const auto now = calendar::now();
    record(db, *this, 80, calendar::Instant{now.unix_seconds - 60});
    record(db, *this, 82, now);
}

void TelemetryServer::add_unpolled(int count) {
    auto db = open_database(*server);
    REQUIRE(db.transaction([&]() -> store::Status {
        for (int i = 1; i <= count; ++i) {
            char tag[16];
            std::snprintf(tag, sizeof tag, "PRN-%06d", i);
            if (auto added = db.execute(std::string("INSERT INTO devices (asset_tag, class, model_id, network_address, "
                                                    "snmp_profile, state, updated_at) VALUES ('") +
                                        tag + "', 'mfp', " + std::to_string(model) +
                                        ", '10.0.0.2', 'ricoh-v2c', 'installed', '2026-11-25T00:00:00Z')");
                !added) {
                return added;
            }
        }
        return store::success();
    }));
}

DeskTab::DeskTab(const ServerProcess& server) : transport(api, "127.0.0.1", server.port()), session(api) {
    api.set_transport(&transport);
    session.form().login = "desk1";
    session.form().password = account_password;
    session.sign_in();
    REQUIRE(drain_until(api, [&] { return !session.busy(); }));
    REQUIRE(session.state() == client::SessionState::signed_in);
}

}  // namespace madoguchi::testing
