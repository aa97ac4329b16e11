// The rated speed per printer model: the IT office enters it, and billing and the anomaly check
// stop counting deltas the model cannot print, where one bound for the whole fleet (its fastest
// printer, 65 pages a minute) let a slower model's garbled counter through.
#include <catch2/catch.hpp>

#include "configuration_test_support.hpp"
#include "i18n/catalog.hpp"
#include "telemetry_billing_support.hpp"

using namespace madoguchi::testing;
using nlohmann::json;

namespace {

// October 2026: an IM C3510F (35 pages a minute) whose counter claims 2,400 pages in an hour,
// and a P 6510 (65 a minute) that really printed 3,000 in an hour.
struct SpeedFleet : PrinterFleet {
    std::int64_t im = model("RICOH", "IM C3510F");
    std::int64_t p6510 = model("RICOH", "P 6510");
    std::int64_t mfp = printer("MFP-A", im, 0);
    std::int64_t floor_printer = printer("PRN-B", p6510, 0);
    std::int64_t ipad = [this] {  // a lending tablet's model: in the ledger, never a printer
        execute("INSERT INTO device_models (maker, name, class) VALUES ('Apple', 'iPad 10th', 'tablet')");
        return count("SELECT id FROM device_models WHERE name = 'iPad 10th'");
    }();
    SpeedFleet() {
        counter(mfp, "2026-10-05T10:00:00+09:00", 10'000);
        counter(mfp, "2026-10-05T11:00:00+09:00", 12'400);
        counter(mfp, "2026-10-06T11:00:00+09:00", 12'700);
        counter(floor_printer, "2026-10-05T10:00:00+09:00", 50'000);
        counter(floor_printer, "2026-10-05T11:00:00+09:00", 53'000);
    }
    json billed(const std::string& tag) {
        const auto response = desk.client->Get("/api/v1/telemetry/billing?month=2026-10");
        REQUIRE(response);
        REQUIRE(response->status == 200);
        const auto body = json_of(response);
        for (const auto& device : body["devices"]) {
            if (device["asset_tag"] == tag) return device;
        }
        FAIL("no " << tag << " in the bill: " << response->body);
        return {};
    }
    httplib::Result set_speed(SignedIn& user, std::int64_t model_id, const json& body) {
        return audited(server, [&] {
            return put_json(user, "/api/v1/telemetry/model-speeds/" + std::to_string(model_id), body);
        });
    }
};

}  // namespace

TEST_CASE("a model's rated speed bounds its counters in the bill, entered by the IT office and audited",
          "[telemetry][billing]") {
    SpeedFleet fleet;
    CHECK(fleet.billed("MFP-A")["pages"] == 2'700);  // the fleet's bound lets 2,400 an hour through
    CHECK(fleet.billed("PRN-B")["pages"] == 3'000);

    const auto listed = fleet.desk.client->Get("/api/v1/telemetry/model-speeds");
    REQUIRE(listed);
    REQUIRE(listed->status == 200);
    auto body = json_of(listed);
    CHECK(body["fleet_max_pages_per_minute"] == 65);
    REQUIRE(body["models"].size() == 2);  // the two printer models, not the iPad
    CHECK(body["models"][0]["model"] == "RICOH IM C3510F");
    CHECK(body["models"][0]["pages_per_minute"].is_null());
    CHECK(body["models"][0]["effective_pages_per_minute"] == 65);

    const auto set = fleet.set_speed(fleet.it_office, fleet.im, {{"pages_per_minute", 35}});
    REQUIRE(set);
    INFO(set->body);
    REQUIRE(set->status == 200);
    CHECK(json_of(set)["pages_per_minute"] == 35);
    CHECK(json_of(set)["effective_pages_per_minute"] == 35);
    CHECK(json_of(set)["updated_by"] == "itoffice1");
    CHECK(fleet.count("SELECT count(*) FROM audit_log WHERE action = 'telemetry_model_speed.set' AND object_id = '" +
                      std::to_string(fleet.im) + "' AND json_extract(after_json, '$.pages_per_minute') = 35") == 1);

    const auto mfp = fleet.billed("MFP-A");
    CHECK(mfp["pages"] == 300);  // the impossible hour is left out, the next day's 300 counted
    CHECK(mfp["resets"] == 1);
    CHECK(fleet.billed("PRN-B")["pages"] == 3'000);  // its own model's bound is the fleet's

    const auto cleared = fleet.set_speed(fleet.it_office, fleet.im, {{"pages_per_minute", nullptr}});
    REQUIRE(cleared);
    REQUIRE(cleared->status == 200);
    CHECK(json_of(cleared)["effective_pages_per_minute"] == 65);
    CHECK(fleet.billed("MFP-A")["pages"] == 2'700);
}

TEST_CASE("a model's rated speed is a whole number from 1 to 300 for a known printer model, set by the IT office",
          "[telemetry][billing]") {
    SpeedFleet fleet;
    const auto english = [](const char* key) { return madoguchi::i18n::text(key, madoguchi::i18n::Language::en); };
    const auto zero = fleet.set_speed(fleet.it_office, fleet.im, {{"pages_per_minute", 0}});
    REQUIRE(zero);
    CHECK(zero->status == 422);
    CHECK(json_of(zero)["error"]["fields"]["pages_per_minute"] == english("field.out_of_range_1_300"));
    const auto text = fleet.set_speed(fleet.it_office, fleet.im, {{"pages_per_minute", "35"}});
    REQUIRE(text);
    CHECK(text->status == 400);
    const auto missing = fleet.set_speed(fleet.it_office, fleet.im, json::object());
    REQUIRE(missing);
    CHECK(missing->status == 400);
    CHECK(json_of(missing)["error"]["fields"]["pages_per_minute"] == english("field.required"));
    const auto unknown = fleet.set_speed(fleet.it_office, 999, {{"pages_per_minute", 35}});
    REQUIRE(unknown);
    CHECK(unknown->status == 404);
    for (const auto& body : {json{{"pages_per_minute", 35}}, json{{"pages_per_minute", nullptr}}}) {
        const auto tablet = fleet.set_speed(fleet.it_office, fleet.ipad, body);
        REQUIRE(tablet);
        CHECK(tablet->status == 422);
        CHECK(json_of(tablet)["error"]["code"] == "model_not_printer");
        CHECK(json_of(tablet)["error"]["message_ja"] ==
              madoguchi::i18n::text("error.model_not_printer", madoguchi::i18n::Language::ja));
    }
    const auto by_desk = put_json(fleet.desk, "/api/v1/telemetry/model-speeds/" + std::to_string(fleet.im),
                                  {{"pages_per_minute", 35}});
    REQUIRE(by_desk);
    CHECK(by_desk->status == 403);
    CHECK(fleet.count("SELECT count(*) FROM telemetry_model_speeds") == 0);
    CHECK(fleet.count("SELECT count(*) FROM audit_log WHERE action = 'telemetry_model_speed.set'") == 0);
}
