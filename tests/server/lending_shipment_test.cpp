// 地方局への発送 over real HTTP and SQLite: an approved request shipped to a bureau goes in
// transit and, at the receipt, on loan; a return shipment brings the devices back in transit
// for the inspection; wrong requests, tags and states are refused without changing anything.
#include <catch2/catch.hpp>

#include "calendar/tokyo_time.hpp"
#include "inquiry_test_support.hpp"
#include "lending_test_support.hpp"

using namespace madoguchi::testing;
using nlohmann::json;
namespace calendar = madoguchi::calendar;

namespace {

std::string error_code(const httplib::Result& response) { return json_of(response)["error"]["code"].get<std::string>(); }

std::string today() { return iso(calendar::to_tokyo(calendar::now()).date); }

// An approved request of one mobile printer shipped to the Kyushu bureau.
json approved_shipping_request(LendingDesk& desk) {
    const auto monday = quiet_monday();
    auto body = desk.request_body("mobile_printer", 1, monday, calendar::add_days(monday, 4));
    body.erase("pickup_location_id");
    body["delivery"] = "shipping";
    body["ship_address"] = "福岡市博多区博多駅東2-11-1 九州経済産業局";
    body["ship_recipient"] = "総務課 田中";
    const auto request = desk.submitted(desk.staff, body);
    const auto approved = desk.decide(desk.desk, request, "approved");
    REQUIRE(approved);
    INFO(approved->body);
    REQUIRE(approved->status == 200);
    return json_of(approved)["request"];
}

json shipment_body(const json& request, const std::string& direction, const std::vector<std::string>& tags) {
    return {{"direction", direction},         {"request_id", request["id"]},
            {"tags", tags},                   {"carrier", "ヤマト運輸"},
            {"tracking_number", "4321-5678-9012"}, {"sent_date", today()}};
}

json shipped(LendingDesk& desk, const json& body) {
    const auto response = audited(desk.server, [&] { return post_json(desk.desk, "/api/v1/lending/shipments", body); });
    REQUIRE(response);
    INFO(response->body);
    REQUIRE(response->status == 201);
    return json_of(response)["shipment"];
}

httplib::Result receive(LendingDesk& desk, const json& shipment, const std::string& date) {
    return audited(desk.server, [&] {
        return post_json(desk.desk, "/api/v1/lending/shipments/" + std::to_string(shipment["id"].get<std::int64_t>()) + "/receipt",
                         {{"received_date", date}, {"version", shipment["version"]}});
    });
}

json received(LendingDesk& desk, const json& shipment) {
    const auto response = receive(desk, shipment, today());
    REQUIRE(response);
    INFO(response->body);
    REQUIRE(response->status == 201);
    return json_of(response)["shipment"];
}

std::int64_t audits(LendingDesk& desk, const std::string& action) {
    return count_rows(desk.server.database_path(), "SELECT count(*) FROM audit_log WHERE action = '" + action + "'");
}

}  // namespace

TEST_CASE("an outbound shipment puts the devices in transit and its receipt starts the loan",
          "[lending][shipping][api]") {
    LendingDesk desk(2, 0);
    const auto request = approved_shipping_request(desk);
    const auto tag = request["devices"][0]["asset_tag"].get<std::string>();
    REQUIRE(desk.device_state(tag) == "reserved");

    const auto shipment = shipped(desk, shipment_body(request, "outbound", {tag}));
    CHECK(shipment["state"] == "in_transit");
    CHECK(shipment["direction"] == "outbound");
    CHECK(shipment["request_number"] == request["number"]);
    CHECK(shipment["recipient"] == "総務課 田中");
    CHECK(shipment["address"] == "福岡市博多区博多駅東2-11-1 九州経済産業局");
    CHECK(shipment["received_date"].is_null());
    REQUIRE(shipment["devices"].size() == 1);
    CHECK(shipment["devices"][0]["asset_tag"] == tag);
    CHECK(desk.device_state(tag) == "in_transit");
    const auto device_id = shipment["devices"][0]["id"].get<std::int64_t>();
    const auto history = get_ok(desk.desk, "/api/v1/devices/" + std::to_string(device_id) + "/history");
    CHECK(history.dump().find("in_transit") != std::string::npos);
    CHECK(audits(desk, "loan_shipment.sent") == 1);

    const auto listed = get_ok(desk.desk, "/api/v1/lending/shipments?direction=outbound&state=in_transit");
    REQUIRE(listed["shipments"].size() == 1);
    CHECK(listed["shipments"][0]["tracking_number"] == "4321-5678-9012");
    CHECK(get_ok(desk.desk, "/api/v1/lending/shipments?state=received")["shipments"].empty());
    // The request is still approved until the bureau confirms: the loan has not started.
    CHECK(get_ok(desk.staff, request_path(request))["request"]["state"] == "approved");

    const auto arrived = received(desk, shipment);
    CHECK(arrived["state"] == "received");
    CHECK(arrived["received_date"] == today());
    CHECK(arrived["received_by"] == "desk1");
    CHECK(desk.device_state(tag) == "on_loan");
    CHECK(get_ok(desk.staff, request_path(request))["request"]["state"] == "on_loan");
    CHECK(audits(desk, "loan_shipment.received") == 1);
    CHECK(audits(desk, "loan_request.on_loan") == 1);

    SECTION("a receipt with the old version is stale, with the new one already received") {
        const auto stale = receive(desk, shipment, today());
        REQUIRE(stale);
        CHECK(stale->status == 409);
        CHECK(error_code(stale) == "stale_version");
        CHECK(json_of(stale)["shipment"]["state"] == "received");
        const auto again = receive(desk, arrived, today());
        REQUIRE(again);
        CHECK(again->status == 409);
        CHECK(error_code(again) == "already_received");
    }

    SECTION("the return shipment brings the device back in transit for the inspection") {
        const auto back = shipped(desk, shipment_body(request, "return", {tag}));
        CHECK(back["direction"] == "return");
        CHECK(desk.device_state(tag) == "in_transit");
        const auto listed_back = get_ok(desk.desk, "/api/v1/lending/shipments?request=" +
                                                       std::to_string(request["id"].get<std::int64_t>()));
        CHECK(listed_back["shipments"].size() == 2);
        const auto at_desk = received(desk, back);
        CHECK(at_desk["state"] == "received");
        // The counter's return inspection decides ok or damaged; until then it stays in transit.
        CHECK(desk.device_state(tag) == "in_transit");
        CHECK(get_ok(desk.desk, request_path(request))["request"]["state"] == "on_loan");
        const auto detail = get_ok(desk.desk, "/api/v1/lending/shipments/" + std::to_string(back["id"].get<std::int64_t>()));
        CHECK(detail["shipment"]["devices"][0]["asset_tag"] == tag);
    }
}

TEST_CASE("shipments are refused for the wrong request, tag, device or state, changing nothing",
          "[lending][shipping][api]") {
    LendingDesk desk(3, 0);
    const auto request = approved_shipping_request(desk);
    const auto tag = request["devices"][0]["asset_tag"].get<std::string>();
    const auto other = tag == "MPR-000003" ? std::string("MPR-000002") : std::string("MPR-000003");
    // Shipping is the desk's (the refusal is audited as access.denied).
    const auto staff = post_json(desk.staff, "/api/v1/lending/shipments", shipment_body(request, "outbound", {tag}));
    REQUIRE(staff);
    CHECK(staff->status == 403);
    const auto before = audit_rows(desk.server);

    const auto refused = [&](const json& body, int status, const std::string& code) {
        const auto response = post_json(desk.desk, "/api/v1/lending/shipments", body);
        REQUIRE(response);
        INFO(response->body);
        CHECK(response->status == status);
        CHECK(error_code(response) == code);
        return json_of(response);
    };

    const auto unknown = refused(shipment_body(request, "outbound", {"MPR-999999"}), 404, "unknown_tag");
    CHECK(unknown["tag"] == "MPR-999999");
    CHECK(unknown["error"]["fields"].contains("tags[0]"));
    const auto wrong = refused(shipment_body(request, "outbound", {tag, other}), 409, "wrong_device");
    CHECK(wrong["tag"] == other);
    CHECK(wrong["error"]["fields"].contains("tags[1]"));
    refused(shipment_body(request, "return", {tag}), 409, "shipment_refused");
    auto no_request = shipment_body(request, "outbound", {tag});
    no_request["request_id"] = 9999;
    refused(no_request, 404, "not_found");

    auto bad = shipment_body(request, "sideways", {tag, tag});
    bad["carrier"] = "";
    bad["tracking_number"] = "伝票";
    bad["sent_date"] = iso(calendar::add_days(calendar::to_tokyo(calendar::now()).date, 1));
    const auto invalid = refused(bad, 422, "validation_failed");
    for (const auto* field : {"direction", "tags[1]", "carrier", "tracking_number", "sent_date"}) {
        CHECK(invalid["error"]["fields"].contains(field));
    }
    const auto wrong_shape = post_json(desk.desk, "/api/v1/lending/shipments", {{"direction", "outbound"}, {"tags", "x"}});
    REQUIRE(wrong_shape);
    CHECK(wrong_shape->status == 400);

    CHECK(audit_rows(desk.server) == before);
    CHECK(desk.device_state(tag) == "reserved");
    CHECK(desk.device_state(other) == "in_stock");

    // Shipped once, the device is in transit: a second shipment of it names the tag and its state.
    shipped(desk, shipment_body(request, "outbound", {tag}));
    const auto twice = refused(shipment_body(request, "outbound", {tag}), 409, "wrong_device_state");
    CHECK(twice["tag"] == tag);
    CHECK(twice["device_state"] == "in_transit");

    // A request picked up at the counter is not shipped.
    const auto monday = quiet_monday();
    const auto pickup = desk.submitted(desk.colleague, desk.request_body("mobile_printer", 1, monday, monday));
    const auto approved = json_of(desk.decide(desk.desk, pickup, "approved"))["request"];
    refused(shipment_body(approved, "outbound", {approved["devices"][0]["asset_tag"].get<std::string>()}), 409,
            "not_for_shipping");
}
