// Anomalies (特異点) over HTTP and from the daily job: a counter going backwards, a day far
// outside the device's own normal (median and MAD of its earlier business days) and a device
// silent while the others on its floor print, flagged once, listed, acknowledged, audited.
#include <catch2/catch.hpp>

#include <chrono>
#include <functional>
#include <map>
#include <thread>

#include "calendar/business_calendar.hpp"
#include "calendar/civil_date.hpp"
#include "calendar/tokyo_time.hpp"
#include "telemetry/anomaly_job.hpp"
#include "telemetry_billing_support.hpp"

using namespace madoguchi::testing;
using madoguchi::calendar::Date;
using nlohmann::json;
namespace calendar = madoguchi::calendar;

namespace {

// Wednesday 18 November 2026, a business day, judged against the 40 business days before it.
const Date judged{2026, 11, 18};

// One counter sample at 18:00 Tokyo on each business day of [first, last] whose pages() is
// not empty, the counter rising by that many; `reset_on` starts it again from 5.
void print_days(PrinterFleet& fleet, std::int64_t device, const Date& first, const Date& last,
                const std::function<std::optional<std::int64_t>(const Date&, int)>& pages,
                std::optional<Date> reset_on = std::nullopt) {
    std::string sql;
    std::int64_t counter = 100'000;
    int index = 0;
    for (auto day = first; calendar::days_from_civil(day) <= calendar::days_from_civil(last); day = calendar::add_days(day, 1)) {
        if (!calendar::is_business_day(day)) continue;
        const auto printed = pages(day, index++);
        if (!printed) continue;
        counter = reset_on && calendar::days_from_civil(*reset_on) == calendar::days_from_civil(day) ? 5 : counter + *printed;
        sql += "INSERT INTO telemetry_samples (device_id, kind, at, payload) VALUES (" + std::to_string(device) + ", 3, " +
               std::to_string(calendar::from_tokyo(day, 18 * 3600).unix_seconds) + ", '[" + std::to_string(counter) +
               ",7,[]]');";
    }
    fleet.execute(sql);
}

// Steady around `usual` (±20 pages, MAD 10) before the judged day, `today` on it (none: not polled).
std::function<std::optional<std::int64_t>(const Date&, int)> usually(std::int64_t usual, std::optional<std::int64_t> today) {
    return [=](const Date& day, int index) -> std::optional<std::int64_t> {
        if (calendar::days_from_civil(day) == calendar::days_from_civil(judged)) return today;
        return usual + (index % 5) * 10 - 20;
    };
}

struct AnomalyFleet : PrinterFleet {
    std::int64_t busy = 0, steady = 0, silent = 0, reset = 0, alone = 0;
    AnomalyFleet() {
        const auto im = model("RICOH", "IM C3510F");
        const auto tenth = floor("本館", "10階");
        const auto eleventh = floor("本館", "11階");
        busy = printer("MFP-BUSY", im, tenth);
        steady = printer("MFP-STEADY", im, tenth);
        silent = printer("MFP-SILENT", im, tenth);
        reset = printer("MFP-RESET", im, tenth);
        alone = printer("MFP-ALONE", im, eleventh);
        const Date first{2026, 9, 10};
        print_days(*this, busy, first, judged, usually(200, 2'000));
        print_days(*this, steady, first, judged, usually(150, 150));
        print_days(*this, silent, first, judged, usually(100, std::nullopt));
        print_days(*this, reset, first, judged, usually(120, 120), judged);
        print_days(*this, alone, first, judged, usually(100, 0));
    }
    httplib::Result scan(SignedIn& user, const json& body) {
        return audited(server, [&] { return post_json(user, "/api/v1/telemetry/anomalies/scan", body); });
    }
    json listed(const std::string& query = "") {
        const auto response = desk.client->Get(("/api/v1/telemetry/anomalies" + query).c_str());
        REQUIRE(response);
        REQUIRE(response->status == 200);
        return json_of(response)["anomalies"];
    }
};

std::map<std::string, std::string> kinds_by_tag(const json& anomalies) {
    std::map<std::string, std::string> kinds;
    for (const auto& anomaly : anomalies) kinds[anomaly["asset_tag"].get<std::string>()] += anomaly["kind"].get<std::string>();
    return kinds;
}

}  // namespace

TEST_CASE("a day's scan flags resets, unusual days and silent devices once each, audited", "[telemetry][anomalies]") {
    AnomalyFleet fleet;
    const auto scanned = fleet.scan(fleet.desk, {{"day", "2026-11-18"}});
    REQUIRE(scanned);
    INFO(scanned->body);
    REQUIRE(scanned->status == 200);
    CHECK(json_of(scanned) == json{{"day", "2026-11-18"}, {"devices", 5}, {"flagged", 4}});

    const auto anomalies = fleet.listed();
    CHECK(kinds_by_tag(anomalies) == std::map<std::string, std::string>{{"MFP-BUSY", "unusually_high"},
                                                                        {"MFP-SILENT", "silent"},
                                                                        {"MFP-RESET", "counter_backwards"},
                                                                        {"MFP-ALONE", "unusually_low"}});
    for (const auto& anomaly : anomalies) {
        CHECK(anomaly["day"] == "2026-11-18");
        CHECK(anomaly["acknowledged_at"].is_null());
        if (anomaly["asset_tag"] == "MFP-BUSY") {
            CHECK(anomaly["pages"] == 2'000);
            CHECK(anomaly["usual_pages"] == 200);
        }
        if (anomaly["asset_tag"] == "MFP-SILENT") CHECK(anomaly["usual_pages"] == 100);
    }
    CHECK(fleet.count("SELECT count(*) FROM audit_log WHERE action = 'telemetry_anomaly.flagged' AND actor = 'desk1'") == 4);

    // The same day again: nothing new.
    const auto again = fleet.desk.client->Post("/api/v1/telemetry/anomalies/scan", R"({"day":"2026-11-18"})", "application/json");
    REQUIRE(again);
    CHECK(json_of(again)["flagged"] == 0);
    CHECK(fleet.listed().size() == 4);
    CHECK(fleet.count("SELECT count(*) FROM audit_log WHERE action = 'telemetry_anomaly.flagged'") == 4);
}

TEST_CASE("a closed day is not judged for usage, and a normal day flags nothing", "[telemetry][anomalies]") {
    AnomalyFleet fleet;
    const auto sunday = fleet.desk.client->Post("/api/v1/telemetry/anomalies/scan", R"({"day":"2026-11-15"})", "application/json");
    REQUIRE(sunday);
    REQUIRE(sunday->status == 200);
    CHECK(json_of(sunday)["flagged"] == 0);
    const auto tuesday = fleet.desk.client->Post("/api/v1/telemetry/anomalies/scan", R"({"day":"2026-11-17"})", "application/json");
    REQUIRE(tuesday);
    REQUIRE(tuesday->status == 200);
    CHECK(json_of(tuesday)["flagged"] == 0);
    CHECK(fleet.listed("?state=all").empty());
}

TEST_CASE("an anomaly is acknowledged once, with a note, audited", "[telemetry][anomalies]") {
    AnomalyFleet fleet;
    REQUIRE(fleet.scan(fleet.desk, {{"day", "2026-11-18"}})->status == 200);
    std::int64_t busy = 0;
    for (const auto& anomaly : fleet.listed())
        if (anomaly["asset_tag"] == "MFP-BUSY") busy = anomaly["id"];
    REQUIRE(busy != 0);
    const auto path = "/api/v1/telemetry/anomalies/" + std::to_string(busy) + "/acknowledge";
    const auto acknowledged = audited(fleet.server, [&] { return post_json(fleet.it_office, path, {{"note", "年末の大量印刷（総務課に確認済み）"}}); });
    REQUIRE(acknowledged);
    REQUIRE(acknowledged->status == 200);
    CHECK(json_of(acknowledged)["acknowledged_by"] == "itoffice1");
    CHECK(json_of(acknowledged)["note"] == "年末の大量印刷（総務課に確認済み）");
    CHECK(fleet.count("SELECT count(*) FROM audit_log WHERE action = 'telemetry_anomaly.acknowledged' AND object_id = '" +
                      std::to_string(busy) + "'") == 1);

    const auto twice = post_json(fleet.desk, path, json::object());
    REQUIRE(twice);
    CHECK(twice->status == 409);
    CHECK(json_of(twice)["error"]["code"] == "anomaly_already_acknowledged");
    CHECK(fleet.listed().size() == 3);
    CHECK(fleet.listed("?state=acknowledged").size() == 1);
    CHECK(fleet.listed("?state=all").size() == 4);
    check_invalid_parameter(fleet.desk.client->Get("/api/v1/telemetry/anomalies?state=closed"), {"state"}, "field.unknown_state");

    const auto missing = post_json(fleet.desk, "/api/v1/telemetry/anomalies/9999/acknowledge", json::object());
    REQUIRE(missing);
    CHECK(missing->status == 404);
    const auto staff = post_json(fleet.staff, path, json::object());
    REQUIRE(staff);
    CHECK(staff->status == 403);
    const auto too_long = post_json(fleet.desk, path, {{"note", std::string(2001, 'x')}});
    REQUIRE(too_long);
    CHECK(too_long->status == 422);
}

TEST_CASE("a scan refuses a day that is not over yet or not a date", "[telemetry][anomalies]") {
    PrinterFleet fleet;
    const auto today = calendar::format_date(calendar::to_tokyo(calendar::now()).date);
    for (const auto& day : {today, std::string("2026-02-30"), std::string("yesterday")}) {
        INFO(day);
        const auto refused = post_json(fleet.desk, "/api/v1/telemetry/anomalies/scan", {{"day", day}});
        REQUIRE(refused);
        CHECK(refused->status == 422);
        CHECK(error_fields(refused) == std::vector<std::string>{"day"});
    }
    const auto no_day = post_json(fleet.desk, "/api/v1/telemetry/anomalies/scan", json::object());
    REQUIRE(no_day);
    CHECK(no_day->status == 200);
    CHECK(json_of(no_day)["day"] == calendar::format_date(calendar::add_days(calendar::to_tokyo(calendar::now()).date, -1)));
}

TEST_CASE("the daily job flags yesterday's counter reset in the system's name", "[telemetry][anomalies][jobs]") {
    PrinterFleet fleet;
    const auto printer = fleet.printer("MFP-JOB", fleet.model("RICOH", "IM C3510F"), 0);
    const auto yesterday = calendar::add_days(calendar::to_tokyo(calendar::now()).date, -1);
    fleet.counter(printer, calendar::format_iso8601_utc(calendar::from_tokyo(calendar::add_days(yesterday, -1), 12 * 3600)), 40'000);
    fleet.counter(printer, calendar::format_iso8601_utc(calendar::from_tokyo(yesterday, 12 * 3600)), 12);
    {
        const madoguchi::server::telemetry::AnomalyJob job(fleet.server.database_path(), std::chrono::milliseconds(50));
        for (int waited = 0; waited < 100 && fleet.count("SELECT count(*) FROM telemetry_anomalies") == 0; ++waited) {
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
    }
    CHECK(fleet.count("SELECT count(*) FROM telemetry_anomalies WHERE kind = 'counter_backwards' AND day = '" +
                      calendar::format_date(yesterday) + "'") == 1);
    CHECK(fleet.count("SELECT count(*) FROM audit_log WHERE action = 'telemetry_anomaly.flagged' AND actor = 'system'") == 1);
}
