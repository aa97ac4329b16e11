// What a recorded cycle sets off, against real snmpsim agents whose answers change between
// cycles: the interpreted state, toner delivery orders (one per colour while open, closed as
// replaced on a new cartridge) and fault incidents (one ticket per device and condition,
// noted when cleared; unreachable after the configured number of silent cycles).
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <optional>

#include "telemetry/fleet_sim_support.hpp"
#include "telemetry/loop_rules_store.hpp"
#include "telemetry/poll_cycle.hpp"

namespace madoguchi::testing {
namespace {

namespace telemetry = server::telemetry;

// A mono printer: running, its error-state octets and its black toner's level as given.
std::vector<std::string> printer_records(int black_level, const std::string& error_state_hex = "00") {
    return {
        "1.3.6.1.2.1.1.5.0|4|mfp",
        "1.3.6.1.2.1.43.10.2.1.3.1.1|2|7",
        "1.3.6.1.2.1.43.10.2.1.4.1.1|65|5000",
        "1.3.6.1.2.1.25.3.2.1.5.1|2|2",
        "1.3.6.1.2.1.25.3.5.1.1.1|2|3",
        "1.3.6.1.2.1.25.3.5.1.2.1|4x|" + error_state_hex,
        "1.3.6.1.2.1.43.11.1.1.4.1.1|2|3",
        "1.3.6.1.2.1.43.11.1.1.5.1.1|2|3",
        "1.3.6.1.2.1.43.11.1.1.6.1.1|4|Black Toner",
        "1.3.6.1.2.1.43.11.1.1.7.1.1|2|19",
        "1.3.6.1.2.1.43.11.1.1.8.1.1|2|100",
        "1.3.6.1.2.1.43.11.1.1.9.1.1|2|" + std::to_string(black_level),
    };
}

void execute(server::store::Database& database, const std::string& sql) { REQUIRE(database.execute(sql)); }

// The ledger's side: a Ricoh model, a place, the delivery address and contact, and a desk
// account for the incident tickets.
void describe_device(server::store::Database& database, std::int64_t id) {
    execute(database, "INSERT OR IGNORE INTO device_models (maker, name, class) VALUES ('リコー', 'IM C3010', 'mfp')");
    execute(database, "INSERT OR IGNORE INTO locations (building, floor, room) VALUES ('本館', '10', '1001')");
    execute(database,
            "UPDATE devices SET model_id = (SELECT id FROM device_models WHERE name = 'IM C3010'), "
            "location_id = (SELECT id FROM locations WHERE room = '1001'), toner_delivery_address = '本館10階 1001号室', "
            "toner_contact = '総務課 田中 03-1234-5678' WHERE id = " + std::to_string(id));
}

void add_desk_account(server::store::Database& database) {
    execute(database, "INSERT INTO divisions (code, name_ja) VALUES ('D-DESK', '運用窓口')");
    execute(database,
            "INSERT INTO users (login, name, division_code, created_at, updated_at) "
            "VALUES ('desk.one', '窓口 一', 'D-DESK', '2026-11-25T00:00:00Z', '2026-11-25T00:00:00Z')");
    execute(database, "INSERT INTO user_roles (user_id, role) SELECT id, 'operator' FROM users WHERE login = 'desk.one'");
}

struct Fleet {
    TempDir folder;
    std::optional<FleetSimulator> simulator;
    server::store::Database database = telemetry_database(folder.path());
    telemetry::CycleRequest request;

    Fleet() {
        request.settings.timeout = std::chrono::milliseconds{300};
        request.settings.retries = 0;
        add_desk_account(database);
        madoguchi::telemetry::LoopRules rules;
        rules.offline_cycles = 2;
        REQUIRE(telemetry::save_loop_rules(database, rules, 0, "it-office", calendar::now()).value());
    }
    // Writes the agent's records and (re)starts snmpsim, which reads them at start.
    void answer(const std::string& tag, const std::vector<std::string>& records) {
        write_records(folder.path() / "data", tag, records);
        simulator.reset();
        simulator.emplace(folder.path() / "data", serve_only());
        request.targets.agent_override = simulator->agent();
    }
    void cycle() { REQUIRE(telemetry::run_poll_cycle(database, request)); }
    std::int64_t number(const std::string& sql) { return query_number(database, sql); }
    std::string text(const std::string& sql) { return query_text(database, sql); }
};

}  // namespace

TEST_CASE("telemetry: a low toner is ordered once across cycles and the order closes as replaced on a new cartridge") {
    Fleet fleet;
    fleet.answer("MFP-000001", printer_records(8));
    const auto id = add_polled_device(fleet.database, "MFP-000001");
    describe_device(fleet.database, id);
    fleet.cycle();
    fleet.cycle();
    REQUIRE(fleet.number("SELECT count(*) FROM telemetry_toner_orders") == 1);
    CHECK(fleet.text("SELECT state FROM telemetry_toner_orders") == "ordered");
    CHECK(fleet.text("SELECT colour FROM telemetry_toner_orders") == "black");
    CHECK(fleet.text("SELECT reason FROM telemetry_toner_orders") == "level_threshold");
    CHECK(fleet.number("SELECT level_at_order FROM telemetry_toner_orders") == 8);
    CHECK(fleet.text("SELECT delivery_address FROM telemetry_toner_orders") == "本館10階 1001号室");
    CHECK(fleet.text("SELECT contact FROM telemetry_toner_orders") == "総務課 田中 03-1234-5678");
    CHECK(fleet.text("SELECT vendor_company FROM telemetry_toner_orders") == "リコージャパン株式会社");
    CHECK(fleet.number("SELECT count(*) FROM audit_log WHERE action = 'telemetry.toner_order.created'") == 1);

    // The interpreted state beside the reading: attention for low toner, the level in percent.
    CHECK(fleet.text("SELECT printer_state FROM telemetry_device_state") == "attention");
    const auto interpreted = nlohmann::json::parse(fleet.text("SELECT interpreted FROM telemetry_device_state"));
    REQUIRE(interpreted["toners"].size() == 1);
    CHECK(interpreted["toners"][0]["colour"] == "black");
    CHECK(interpreted["toners"][0]["percent"] == 8);
    CHECK(interpreted["page_count"] == 5000);

    // A new cartridge: the open order is closed as replaced, and no new one opens at 100 %.
    fleet.answer("MFP-000001", printer_records(100));
    fleet.cycle();
    CHECK(fleet.number("SELECT count(*) FROM telemetry_toner_orders") == 1);
    CHECK(fleet.text("SELECT state FROM telemetry_toner_orders") == "replaced");
    CHECK(fleet.number("SELECT closed_at IS NOT NULL FROM telemetry_toner_orders") == 1);
    CHECK(fleet.number("SELECT count(*) FROM audit_log WHERE action = 'telemetry.toner_order.replaced'") == 1);
    CHECK(fleet.text("SELECT printer_state FROM telemetry_device_state") == "ok");

    // Running low again, with the first order closed: a second order.
    fleet.answer("MFP-000001", printer_records(5));
    fleet.cycle();
    CHECK(fleet.number("SELECT count(*) FROM telemetry_toner_orders") == 2);
    CHECK(fleet.number("SELECT count(*) FROM telemetry_toner_orders WHERE state = 'ordered'") == 1);
}

TEST_CASE("telemetry: a jam opens one vendor incident while it lasts and the ticket is noted when it clears") {
    Fleet fleet;
    fleet.answer("MFP-000001", printer_records(80, "04"));  // bit 5: jammed
    const auto id = add_polled_device(fleet.database, "MFP-000001");
    describe_device(fleet.database, id);
    fleet.cycle();
    fleet.cycle();
    REQUIRE(fleet.number("SELECT count(*) FROM telemetry_fault_incidents") == 1);
    CHECK(fleet.text("SELECT condition FROM telemetry_fault_incidents") == "jammed");
    CHECK(fleet.number("SELECT affects_users FROM telemetry_fault_incidents") == 1);
    CHECK(fleet.text("SELECT printer_state FROM telemetry_device_state") == "error");
    const std::string ticket = "(SELECT ticket_id FROM telemetry_fault_incidents)";
    CHECK(fleet.number("SELECT count(*) FROM tickets") == 1);
    CHECK(fleet.text("SELECT kind FROM tickets WHERE id = " + ticket) == "incident");
    CHECK(fleet.text("SELECT vendor_company FROM tickets WHERE id = " + ticket) == "リコージャパン株式会社");
    CHECK(fleet.text("SELECT escalation_target FROM tickets WHERE id = " + ticket) == "it_office");
    CHECK(fleet.text("SELECT title FROM tickets WHERE id = " + ticket) == "紙詰まり: MFP-000001");
    CHECK(fleet.number("SELECT count(*) FROM ticket_links WHERE device_id = " + std::to_string(id)) == 1);
    CHECK(fleet.number("SELECT count(*) FROM audit_log WHERE action = 'telemetry.incident.opened'") == 1);
    CHECK(fleet.number("SELECT count(*) FROM audit_log WHERE action = 'ticket.created'") == 1);

    // Cleared: the row says when, the ticket gets a note, no second ticket opens.
    fleet.answer("MFP-000001", printer_records(80, "00"));
    fleet.cycle();
    CHECK(fleet.number("SELECT cleared_at IS NOT NULL FROM telemetry_fault_incidents") == 1);
    CHECK(fleet.number("SELECT count(*) FROM ticket_events WHERE type = 'note' AND ticket_id = " + ticket) == 1);
    CHECK(fleet.number("SELECT count(*) FROM tickets") == 1);
    CHECK(fleet.text("SELECT printer_state FROM telemetry_device_state") == "ok");

    // Jammed again after it cleared: a new incident.
    fleet.answer("MFP-000001", printer_records(80, "04"));
    fleet.cycle();
    CHECK(fleet.number("SELECT count(*) FROM telemetry_fault_incidents") == 2);
    CHECK(fleet.number("SELECT count(*) FROM tickets") == 2);
}

TEST_CASE("telemetry: a silent printer becomes unreachable after the configured cycles and opens one incident") {
    Fleet fleet;
    fleet.answer("MFP-000001", printer_records(80));
    add_polled_device(fleet.database, "MFP-000001");
    const auto silent = add_polled_device(fleet.database, "MFP-000002");  // no records: no answer
    describe_device(fleet.database, silent);
    const auto where = " FROM telemetry_device_state WHERE device_id = " + std::to_string(silent);
    fleet.cycle();
    CHECK(fleet.text("SELECT printer_state" + where) == "unknown");
    CHECK(fleet.number("SELECT count(*) FROM telemetry_fault_incidents") == 0);
    fleet.cycle();  // the second silent cycle of two
    CHECK(fleet.text("SELECT printer_state" + where) == "unreachable");
    fleet.cycle();
    REQUIRE(fleet.number("SELECT count(*) FROM telemetry_fault_incidents") == 1);
    CHECK(fleet.text("SELECT condition FROM telemetry_fault_incidents") == "unreachable");
    CHECK(fleet.number("SELECT device_id FROM telemetry_fault_incidents") == silent);

    // It answers again: unreachable clears.
    fleet.answer("MFP-000002", printer_records(80));
    fleet.cycle();
    CHECK(fleet.number("SELECT cleared_at IS NOT NULL FROM telemetry_fault_incidents") == 1);
    CHECK(fleet.text("SELECT printer_state" + where) == "ok");
}

}  // namespace madoguchi::testing
