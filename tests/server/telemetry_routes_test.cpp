// The telemetry API over real HTTP and SQLite: the fleet list with its filters and state
// counts, one device's interpretation and history, the toner orders the desk and the vendor
// move on (each move audited, a vendor limited to its company's orders) and the incidents.
// The readings are recorded as a poll cycle records them (record_cycle), without agents:
// tests/telemetry polls real snmpsim agents.
#include <catch2/catch.hpp>

#include "identity_test_support.hpp"
#include "inquiry_test_support.hpp"
#include "server_test_support.hpp"
#include "store/database.hpp"
#include "telemetry/loop_rules_store.hpp"
#include "telemetry/telemetry_store.hpp"

using namespace madoguchi::testing;
using nlohmann::json;
namespace store = madoguchi::server::store;
namespace telemetry = madoguchi::server::telemetry;
namespace calendar = madoguchi::calendar;

namespace {

constexpr const char* ricoh_company = "リコージャパン株式会社";

// Two Ricoh printers on the 10th floor (one jammed, one with 6 % black toner), a third on the
// 3rd floor that never answers.
struct TelemetryWorld {
    RunningApp server;
    SignedIn desk = signed_in_user(server, {"desk.telemetry", {Role::desk_operator}});
    SignedIn vendor = signed_in_user(server, {"ricoh.vendor", {Role::vendor}, test_division, ricoh_company});
    SignedIn other_vendor = signed_in_user(server, {"other.vendor", {Role::vendor}});
    SignedIn staff = signed_in_user(server, {"staff.telemetry", {Role::staff}});
    std::int64_t jammed = 0, low = 0, silent = 0, model = 0;

    TelemetryWorld() {
        auto database = store::Database::open(server.database_path());
        REQUIRE(database);
        auto& db = database.value();
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
        madoguchi::telemetry::LoopRules rules;
        rules.offline_cycles = 1;  // the silent printer is unreachable from its first miss
        REQUIRE(telemetry::save_loop_rules(db, rules, 0, "it-office", calendar::now()).value());
        const auto now = calendar::now();
        record(db, 80, "\x04", calendar::Instant{now.unix_seconds - 60});
        record(db, 82, "\x04", now);  // still jammed: the same incident
    }

    void record(store::Database& db, std::int64_t counter, const std::string& jam_bits, calendar::Instant at) {
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
        printer(devices[0], jammed, jam_bits, 70);
        printer(devices[1], low, std::string(1, '\0'), 6);
        devices[2].device_id = silent;
        devices[2].failure = "timeout";
        telemetry::CycleSummary summary;
        summary.trigger = "command";
        summary.started = at;
        summary.finished = at;
        summary.kinds = telemetry::every_kind();
        REQUIRE(telemetry::record_cycle(db, summary, devices));
    }
};

std::string error_code(const httplib::Result& response) { return json_of(response)["error"]["code"].get<std::string>(); }

}  // namespace

TEST_CASE("telemetry: the fleet list shows each printer's interpreted state, filtered and paged", "[telemetry]") {
    TelemetryWorld world;
    auto fleet = world.desk.client->Get("/api/v1/telemetry/devices");
    REQUIRE(fleet);
    REQUIRE(fleet->status == 200);
    auto body = json_of(fleet);
    CHECK(body["total"] == 3);
    CHECK(body["states"]["error"] == 1);
    CHECK(body["states"]["attention"] == 1);
    CHECK(body["states"]["unreachable"] == 1);
    REQUIRE(body["devices"].size() == 3);
    const auto& first = body["devices"][0];
    CHECK(first["asset_tag"] == "MFP-000001");
    CHECK(first["state"] == "error");
    CHECK(first["floor"] == "10");
    CHECK(first["model"] == "IM C3010");
    CHECK(first["conditions"] == json::array({"jammed"}));
    CHECK(first["page_count"] == 82);
    CHECK(body["devices"][1]["toners"][0]["percent"] == 6);
    // The jam opened an incident, the 6 % toner an order, the silence an offline incident.
    CHECK(first["open_incidents"] == 1);
    CHECK(first["open_toner_orders"] == 0);
    CHECK(body["devices"][1]["open_incidents"] == 0);
    CHECK(body["devices"][1]["open_toner_orders"] == 1);
    CHECK(body["devices"][2]["open_incidents"] == 1);

    body = json_of(world.desk.client->Get("/api/v1/telemetry/devices?floor=3"));
    REQUIRE(body["devices"].size() == 1);
    CHECK(body["devices"][0]["asset_tag"] == "MFP-000003");
    CHECK(body["devices"][0]["state"] == "unreachable");
    body = json_of(world.desk.client->Get("/api/v1/telemetry/devices?state=attention"));
    REQUIRE(body["devices"].size() == 1);
    CHECK(body["devices"][0]["asset_tag"] == "MFP-000002");
    body = json_of(world.desk.client->Get(("/api/v1/telemetry/devices?model_id=" + std::to_string(world.model) + "&limit=2&offset=2").c_str()));
    CHECK(body["total"] == 3);
    REQUIRE(body["devices"].size() == 1);
    CHECK(body["devices"][0]["asset_tag"] == "MFP-000003");

    // Text finds the tag in either case, and the room; the counts are those of the found.
    body = json_of(world.desk.client->Get("/api/v1/telemetry/devices?q=mfp-000002"));
    REQUIRE(body["devices"].size() == 1);
    CHECK(body["devices"][0]["asset_tag"] == "MFP-000002");
    CHECK(body["states"]["attention"] == 1);
    CHECK(body["states"]["error"] == 0);
    body = json_of(world.desk.client->Get("/api/v1/telemetry/devices?q=%E6%9C%AC%E9%A4%A8%20301"));  // 本館 301
    REQUIRE(body["devices"].size() == 1);
    CHECK(body["devices"][0]["asset_tag"] == "MFP-000003");
    CHECK(json_of(world.desk.client->Get("/api/v1/telemetry/devices?q=C3010&state=ok"))["total"] == 0);
    check_invalid_parameter(world.desk.client->Get("/api/v1/telemetry/devices?state=purple"), {"state"}, "field.unknown_state");
    check_invalid_parameter(world.desk.client->Get("/api/v1/telemetry/devices?model_id=x"), {"model_id"}, "field.not_positive");
    CHECK(world.staff.client->Get("/api/v1/telemetry/devices")->status == 403);
}

TEST_CASE("telemetry: one device's view has its interpretation, counter and toner history, orders and incidents", "[telemetry]") {
    TelemetryWorld world;
    auto response = world.desk.client->Get(("/api/v1/telemetry/devices/" + std::to_string(world.jammed)).c_str());
    REQUIRE(response);
    REQUIRE(response->status == 200);
    const auto body = json_of(response);
    CHECK(body["state"]["printer_state"] == "error");
    CHECK(body["state"]["interpreted"]["conditions"][0]["condition"] == "jammed");
    CHECK(body["state"]["interpreted"]["conditions"][0]["affects_users"] == true);
    CHECK(body["state"]["interpreted"]["toners"][0]["colour"] == "black");
    const auto& counters = body["history"]["counters"];
    REQUIRE(counters.size() >= 1);
    CHECK(counters.back()[1] == 82);
    REQUIRE(body["history"]["toners"].size() == 1);
    CHECK(body["history"]["toners"][0]["points"][0][1] == 70);
    CHECK(body["history"]["conditions"][0]["conditions"] == json::array({"jammed"}));
    REQUIRE(body["incidents"].size() == 1);
    CHECK(body["incidents"][0]["condition"] == "jammed");
    CHECK(body["incidents"][0]["cleared_at"].is_null());
    CHECK(body["toner_orders"].empty());
    // Every kind was read by the last cycle; the silent printer never answered one.
    for (const auto* kind : {"status", "supplies", "counters", "firmware"}) {
        CHECK(body["state"]["read_at"][kind] == body["state"]["polled_at"]);
    }
    const auto silent = json_of(world.desk.client->Get(("/api/v1/telemetry/devices/" + std::to_string(world.silent)).c_str()));
    CHECK(silent["state"]["read_at"]["counters"].is_null());

    const auto low = json_of(world.desk.client->Get(("/api/v1/telemetry/devices/" + std::to_string(world.low)).c_str()));
    REQUIRE(low["toner_orders"].size() == 1);
    CHECK(low["toner_orders"][0]["state"] == "ordered");

    check_invalid_parameter(world.desk.client->Get(("/api/v1/telemetry/devices/" + std::to_string(world.low) + "?days=0").c_str()),
                            {"days"}, "field.out_of_range_1_366");
}

TEST_CASE("telemetry: the vendor ships, delivers and collects its company's toner orders, each move audited", "[telemetry]") {
    TelemetryWorld world;
    auto listed = json_of(world.vendor.client->Get("/api/v1/telemetry/toner-orders?open=true"));
    REQUIRE(listed["toner_orders"].size() == 1);
    const auto order = listed["toner_orders"][0];
    CHECK(order["asset_tag"] == "MFP-000002");
    CHECK(order["delivery_address"] == "本館10階");
    CHECK(order["contact"] == "総務課 内線1234");
    const auto path = "/api/v1/telemetry/toner-orders/" + std::to_string(order["id"].get<std::int64_t>());

    // Another vendor company neither sees nor moves it.
    CHECK(json_of(world.other_vendor.client->Get("/api/v1/telemetry/toner-orders"))["toner_orders"].empty());
    CHECK(world.other_vendor.client->Get(path.c_str())->status == 404);
    CHECK(world.staff.client->Get("/api/v1/telemetry/toner-orders")->status == 403);

    const auto move = [&](SignedIn& who, const std::string& to, std::int64_t version) {
        return who.client->Post((path + "/transitions").c_str(), json{{"to", to}, {"version", version}}.dump(), "application/json");
    };
    auto shipped = audited(world.server, [&] { return move(world.vendor, "shipped", 1); });
    REQUIRE(shipped->status == 200);
    CHECK(json_of(shipped)["toner_order"]["state"] == "shipped");
    CHECK(count_rows(world.server.database_path(),
                     "SELECT count(*) FROM audit_log WHERE action = 'telemetry.toner_order.shipped' AND actor = 'ricoh.vendor'") == 1);

    const auto stale = move(world.vendor, "delivered", 1);
    CHECK(stale->status == 409);
    CHECK(error_code(stale) == "stale_version");
    const auto skipped = move(world.vendor, "collected", 2);
    CHECK(skipped->status == 409);
    CHECK(error_code(skipped) == "transition_refused");
    const auto unknown = move(world.vendor, "lost", 2);
    CHECK(unknown->status == 400);
    CHECK(error_code(unknown) == "bad_request");
    CHECK(error_fields(unknown) == std::vector<std::string>{"to"});
    CHECK(move(world.other_vendor, "delivered", 2)->status == 404);

    REQUIRE(audited(world.server, [&] { return move(world.vendor, "delivered", 2); })->status == 200);
    REQUIRE(audited(world.server, [&] { return move(world.desk, "collected", 3); })->status == 200);
    const auto closed = json_of(world.desk.client->Get(path.c_str()))["toner_order"];
    CHECK(closed["state"] == "collected");
    CHECK(closed["open"] == false);
    CHECK_FALSE(closed["closed_at"].is_null());
    CHECK(json_of(world.desk.client->Get("/api/v1/telemetry/toner-orders?open=true"))["total"] == 0);
}

TEST_CASE("telemetry: the IT office lists the open incidents that affect users", "[telemetry]") {
    TelemetryWorld world;
    auto it_office = signed_in_user(world.server, {"it.telemetry", {Role::it_office}});
    const auto listed = json_of(it_office.client->Get("/api/v1/telemetry/incidents?open=true&affects_users=true"));
    // The jam and the silent printer (unreachable after one cycle here), each once.
    REQUIRE(listed["incidents"].size() == 2);
    std::set<std::string> conditions;
    for (const auto& incident : listed["incidents"]) conditions.insert(incident["condition"].get<std::string>());
    CHECK(conditions == std::set<std::string>{"jammed", "unreachable"});
    check_invalid_parameter(it_office.client->Get("/api/v1/telemetry/incidents?open=maybe"), {"open"}, "field.not_boolean");
}
