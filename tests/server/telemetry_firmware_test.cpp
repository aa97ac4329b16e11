// Firmware compliance over HTTP: the version each polled device runs (its newest firmware
// sample) against the model's target set by the IT office, and the release plan ticket
// (リリース管理) listing the devices behind, never twice while one is open.
#include <catch2/catch.hpp>

#include "telemetry_billing_support.hpp"

using namespace madoguchi::testing;
using nlohmann::json;

namespace {

struct FirmwareFleet : PrinterFleet {
    std::int64_t im = model("RICOH", "IM C3510F");
    std::int64_t p6510 = model("RICOH", "P 6510");
    std::int64_t a = 0, b = 0, c = 0, d = 0, e = 0;
    FirmwareFleet() {
        a = printer("MFP-A", im, 0);
        b = printer("MFP-B", im, 0);
        c = printer("MFP-C", im, 0);
        d = printer("MFP-D", im, 0);  // never read
        e = printer("PRN-E", p6510, 0);
        firmware(a, "2026-11-01T03:00:00Z", "1.02");
        firmware(a, "2026-11-20T03:00:00Z", "1.05");  // the newest sample is what it runs
        firmware(b, "2026-11-20T03:00:00Z", "1.07");
        firmware(c, "2026-11-20T03:00:00Z", "v1.10");
        firmware(e, "2026-11-20T03:00:00Z", "2.0");
    }
    std::string target_path(std::int64_t model_id, const std::string& rest = "") const {
        return "/api/v1/telemetry/firmware/targets/" + std::to_string(model_id) + rest;
    }
    json models() {
        const auto response = desk.client->Get("/api/v1/telemetry/firmware");
        REQUIRE(response);
        REQUIRE(response->status == 200);
        return json_of(response)["models"];
    }
    httplib::Result set_target(SignedIn& user, std::int64_t model_id, const json& body) {
        return audited(server, [&] { return put_json(user, target_path(model_id), body); });
    }
    httplib::Result plan(SignedIn& user, std::int64_t model_id) {
        return audited(server, [&] { return post_json(user, target_path(model_id, "/release-plan"), json::object()); });
    }
};

}  // namespace

TEST_CASE("firmware compliance by model follows the target the IT office sets, audited", "[telemetry][firmware]") {
    FirmwareFleet fleet;
    auto models = fleet.models();
    REQUIRE(models.size() == 2);
    CHECK(models[0]["model"] == "RICOH IM C3510F");
    CHECK(models[0]["target"].is_null());
    CHECK(models[0]["counts"] == json{{"behind", 0}, {"current", 0}, {"ahead", 0}, {"unknown", 4}});

    const auto set = fleet.set_target(fleet.it_office, fleet.im, {{"version", "1.07"}});
    REQUIRE(set);
    INFO(set->body);
    REQUIRE(set->status == 200);
    const auto model = json_of(set);
    CHECK(model["target"] == "1.07");
    CHECK(model["target_updated_by"] == "itoffice1");
    CHECK(model["counts"] == json{{"behind", 1}, {"current", 1}, {"ahead", 1}, {"unknown", 1}});
    REQUIRE(model["devices"].size() == 4);
    CHECK(model["devices"][0] == json{{"device_id", fleet.a}, {"asset_tag", "MFP-A"}, {"running", "1.05"}, {"standing", "behind"}});
    CHECK(model["devices"][2]["standing"] == "ahead");  // v1.10 is after 1.07
    CHECK(model["devices"][3]["running"] == "");
    CHECK(model["devices"][3]["standing"] == "unknown");

    CHECK(fleet.count("SELECT count(*) FROM audit_log WHERE action = 'telemetry_firmware_target.set' AND object_id = '" +
                      std::to_string(fleet.im) + "' AND after_json LIKE '%1.07%'") == 1);
    models = fleet.models();
    CHECK(models[0]["target"] == "1.07");
    CHECK(models[1]["model"] == "RICOH P 6510");
    CHECK(models[1]["counts"]["unknown"] == 1);
}

TEST_CASE("a firmware target is a version, for a known model, set by the IT office or an admin", "[telemetry][firmware]") {
    FirmwareFleet fleet;
    const auto not_version = fleet.set_target(fleet.it_office, fleet.im, {{"version", "latest"}});
    REQUIRE(not_version);
    CHECK(not_version->status == 422);
    CHECK(error_fields(not_version) == std::vector<std::string>{"version"});
    const auto missing = fleet.set_target(fleet.it_office, fleet.im, json::object());
    REQUIRE(missing);
    CHECK(missing->status == 400);
    const auto unknown = fleet.set_target(fleet.it_office, 9999, {{"version", "1.0"}});
    REQUIRE(unknown);
    CHECK(unknown->status == 404);
    const auto desk = fleet.set_target(fleet.desk, fleet.im, {{"version", "1.0"}});
    REQUIRE(desk);
    CHECK(desk->status == 403);
    CHECK(fleet.count("SELECT count(*) FROM telemetry_firmware_targets") == 0);
}

TEST_CASE("one release plan ticket lists the devices behind, never a duplicate while it is open", "[telemetry][firmware]") {
    FirmwareFleet fleet;
    REQUIRE(fleet.set_target(fleet.it_office, fleet.im, {{"version", "1.07"}})->status == 200);

    const auto first = fleet.plan(fleet.desk, fleet.im);
    REQUIRE(first);
    INFO(first->body);
    REQUIRE(first->status == 201);
    const auto plan = json_of(first)["release_plan"];
    CHECK(json_of(first)["created"] == true);
    CHECK(plan["target_version"] == "1.07");
    CHECK(plan["devices_behind"] == 1);
    const auto ticket = std::to_string(plan["ticket_id"].get<std::int64_t>());
    CHECK(fleet.count("SELECT count(*) FROM tickets WHERE kind = 'release' AND id = " + ticket) == 1);
    CHECK(fleet.count("SELECT count(*) FROM tickets WHERE id = " + ticket + " AND body LIKE '%MFP-A (1.05)%' AND body NOT LIKE '%MFP-B%'") == 1);
    CHECK(fleet.count("SELECT count(*) FROM ticket_links WHERE ticket_id = " + ticket + " AND device_id = " + std::to_string(fleet.a)) == 1);
    CHECK(fleet.count("SELECT count(*) FROM audit_log WHERE action = 'ticket.created' AND object_id = '" + ticket + "'") == 1);

    // Asked again (by the IT office too) while the ticket is open: the same plan, nothing new.
    const auto again = fleet.it_office.client->Post(fleet.target_path(fleet.im, "/release-plan").c_str(), "{}", "application/json");
    REQUIRE(again);
    CHECK(again->status == 200);
    CHECK(json_of(again)["created"] == false);
    CHECK(json_of(again)["release_plan"]["ticket_id"] == plan["ticket_id"]);
    CHECK(fleet.count("SELECT count(*) FROM tickets WHERE kind = 'release'") == 1);
    CHECK(fleet.models()[0]["open_release_plan"]["ticket_id"] == plan["ticket_id"]);

    // A new target is a new plan: MFP-A and MFP-B are behind 1.10.
    REQUIRE(fleet.set_target(fleet.it_office, fleet.im, {{"version", "1.10"}})->status == 200);
    const auto newer = fleet.plan(fleet.desk, fleet.im);
    REQUIRE(newer);
    REQUIRE(newer->status == 201);
    CHECK(json_of(newer)["release_plan"]["devices_behind"] == 2);

    // Once that ticket is closed, the next request opens another.
    fleet.execute("UPDATE tickets SET state = 'closed' WHERE id = " +
                  std::to_string(json_of(newer)["release_plan"]["ticket_id"].get<std::int64_t>()));
    const auto after_close = fleet.plan(fleet.desk, fleet.im);
    REQUIRE(after_close);
    CHECK(after_close->status == 201);
    CHECK(fleet.count("SELECT count(*) FROM tickets WHERE kind = 'release'") == 3);
}

TEST_CASE("no release plan without a target or without a device behind", "[telemetry][firmware]") {
    FirmwareFleet fleet;
    const auto no_target = fleet.plan(fleet.desk, fleet.p6510);
    REQUIRE(no_target);
    CHECK(no_target->status == 409);
    CHECK(json_of(no_target)["error"]["code"] == "firmware_target_missing");
    REQUIRE(fleet.set_target(fleet.it_office, fleet.p6510, {{"version", "1.0"}})->status == 200);
    const auto none_behind = fleet.plan(fleet.desk, fleet.p6510);
    REQUIRE(none_behind);
    CHECK(none_behind->status == 409);
    CHECK(json_of(none_behind)["error"]["code"] == "no_devices_behind");
    const auto unknown = fleet.plan(fleet.desk, 9999);
    REQUIRE(unknown);
    CHECK(unknown->status == 404);
    const auto staff = fleet.plan(fleet.staff, fleet.im);
    REQUIRE(staff);
    CHECK(staff->status == 403);
    CHECK(fleet.count("SELECT count(*) FROM tickets") == 0);
}
