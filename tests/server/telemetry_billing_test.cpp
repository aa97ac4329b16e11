// Billing over HTTP: the month's pages per device and division from stored counter samples,
// the fiscal year against the 65,000,000-page contract, and the CSV and XLSX files for invoice
// checks; worked out by hand from the samples below.
#include <catch2/catch.hpp>

#include <cmath>

#include "support/child_process.hpp"
#include "telemetry_billing_support.hpp"

using namespace madoguchi::testing;
using nlohmann::json;

namespace {

// October 2026 (the fiscal year from 1 April 2026):
//   MFP-A (総務) 1,800 pages: 300 over midnight of the 1st, 1,000, 500; November's not counted.
//   MFP-B (総務)   600 pages: 400, then a reset (not billed), then 200 from the new value.
//   MFP-C (人事) 5,000 pages in October after 100 in April: 5,100 in the fiscal year.
//   MFP-D counts in another unit (not pages): not billed, not listed.
struct OctoberFleet : PrinterFleet {
    std::int64_t a = 0, b = 0, c = 0, d = 0;
    OctoberFleet() {
        const auto im = model("RICOH", "IM C3510F");
        a = printer("MFP-A", im, 0, "D-SOUMU");
        b = printer("MFP-B", im, 0, "D-SOUMU");
        c = printer("MFP-C", im, 0, "D-JINJI");
        d = printer("MFP-D", im, 0, "D-JINJI");
        counter(a, "2026-09-30T23:00:00+09:00", 1'000);
        counter(a, "2026-10-01T10:00:00+09:00", 1'300);
        counter(a, "2026-10-15T10:00:00+09:00", 2'300);
        counter(a, "2026-10-31T23:30:00+09:00", 2'800);
        counter(a, "2026-11-01T09:00:00+09:00", 2'900);
        counter(b, "2026-10-05T10:00:00+09:00", 50'000);
        counter(b, "2026-10-06T10:00:00+09:00", 50'400);
        counter(b, "2026-10-07T10:00:00+09:00", 10);
        counter(b, "2026-10-08T10:00:00+09:00", 210);
        counter(c, "2026-03-31T20:00:00+09:00", 0);
        counter(c, "2026-04-01T09:00:00+09:00", 100);
        counter(c, "2026-10-20T09:00:00+09:00", 5'100);
        counter(d, "2026-10-05T10:00:00+09:00", 100, 3);
        counter(d, "2026-10-06T10:00:00+09:00", 900, 3);
    }
};

}  // namespace

TEST_CASE("billing counts a month's pages per device and division against the contract", "[telemetry][billing]") {
    OctoberFleet fleet;
    const auto response = fleet.desk.client->Get("/api/v1/telemetry/billing?month=2026-10");
    REQUIRE(response);
    INFO(response->body);
    REQUIRE(response->status == 200);
    const auto body = json_of(response);
    CHECK(body["month"] == "2026-10");
    CHECK(body["fiscal_year_start"] == "2026-04-01");
    CHECK(body["as_of"] == "2026-10-31");
    CHECK(body["contract_pages_per_year"] == 65'000'000);
    CHECK(body["month_pages"] == 7'400);
    // The fiscal year's months for the chart: MFP-C's 100 in April, none until October.
    CHECK(body["months"] == json::parse(R"([{"month":"2026-04","pages":100},{"month":"2026-05","pages":0},
        {"month":"2026-06","pages":0},{"month":"2026-07","pages":0},{"month":"2026-08","pages":0},
        {"month":"2026-09","pages":0},{"month":"2026-10","pages":7400}])"));

    REQUIRE(body["devices"].size() == 3);
    CHECK(body["devices"][0]["asset_tag"] == "MFP-A");
    CHECK(body["devices"][0]["pages"] == 1'800);
    CHECK(body["devices"][0]["resets"] == 0);
    CHECK(body["devices"][0]["model"] == "RICOH IM C3510F");
    CHECK(body["devices"][1]["asset_tag"] == "MFP-B");
    CHECK(body["devices"][1]["pages"] == 600);
    CHECK(body["devices"][1]["resets"] == 1);
    CHECK(body["devices"][2]["asset_tag"] == "MFP-C");
    CHECK(body["devices"][2]["pages"] == 5'000);

    REQUIRE(body["divisions"].size() == 2);
    CHECK(body["divisions"][0] == json{{"division_code", "D-JINJI"}, {"division_name", "D-JINJI課"}, {"pages", 5'000}, {"devices", 1}});
    CHECK(body["divisions"][1] == json{{"division_code", "D-SOUMU"}, {"division_name", "D-SOUMU課"}, {"pages", 2'400}, {"devices", 2}});

    // 1 April to 31 October is 214 of the year's 365 days.
    const auto& year = body["year"];
    CHECK(year["pages"] == 7'500);
    CHECK(year["share_used"].get<double>() == Approx(7'500.0 / 65'000'000));
    CHECK(year["expected_by_now"].get<double>() == Approx(65'000'000.0 * 214 / 365));
    CHECK(year["projected_year"].get<double>() == Approx(7'500.0 * 365 / 214));
    CHECK(year["status"] == "under");

    // September: only MFP-C's April pages in the fiscal year, no device printing that month.
    const auto september = json_of(fleet.desk.client->Get("/api/v1/telemetry/billing?month=2026-09"));
    CHECK(september["month_pages"] == 0);
    CHECK(september["devices"].empty());
    CHECK(september["year"]["pages"] == 100);
}

TEST_CASE("the billing CSV is UTF-8 with a byte order mark, a Japanese header and one row per device",
          "[telemetry][billing]") {
    OctoberFleet fleet;
    const auto response = fleet.it_office.client->Get("/api/v1/telemetry/billing.csv?month=2026-10");
    REQUIRE(response);
    REQUIRE(response->status == 200);
    CHECK(response->get_header_value("Content-Type") == "text/csv; charset=utf-8");
    CHECK(response->get_header_value("Content-Disposition").find("filename=\"billing-2026-10.csv\"") != std::string::npos);
    CHECK(response->body ==
          "\xEF\xBB\xBF"
          "年月,課室コード,課室名,資産番号,機種,印刷枚数,カウンター逆行（日数）\r\n"
          "2026-10,D-SOUMU,D-SOUMU課,MFP-A,RICOH IM C3510F,1800,0\r\n"
          "2026-10,D-SOUMU,D-SOUMU課,MFP-B,RICOH IM C3510F,600,1\r\n"
          "2026-10,D-JINJI,D-JINJI課,MFP-C,RICOH IM C3510F,5000,0\r\n");
}

TEST_CASE("the billing workbook has sheets per device, per division and for the contract", "[telemetry][billing]") {
    OctoberFleet fleet;
    const auto response = fleet.desk.client->Get("/api/v1/telemetry/billing.xlsx?month=2026-10");
    REQUIRE(response);
    REQUIRE(response->status == 200);
    CHECK(response->get_header_value("Content-Type") == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    REQUIRE(response->body.starts_with("PK\x03\x04"));
    TempDir folder;
    const auto file = (folder.path() / "billing.xlsx").string();
    write_file(file, response->body);
    const auto workbook = ChildProcess({"/usr/bin/unzip", "-p", file, "xl/workbook.xml"}).wait();
    REQUIRE(workbook.exit_code == 0);
    CHECK(workbook.out.find("<sheet name=\"機器別\"") != std::string::npos);
    CHECK(workbook.out.find("<sheet name=\"課室別\"") != std::string::npos);
    CHECK(workbook.out.find("<sheet name=\"契約枚数\"") != std::string::npos);
    const auto strings = ChildProcess({"/usr/bin/unzip", "-p", file, "xl/sharedStrings.xml"}).wait();
    CHECK(strings.out.find("MFP-B") != std::string::npos);
    CHECK(strings.out.find("年度累計印刷枚数") != std::string::npos);
    // Pages are numbers in Excel, not text: MFP-C's 5,000 in the devices sheet, the divisions' 2,400.
    const auto devices = ChildProcess({"/usr/bin/unzip", "-p", file, "xl/worksheets/sheet1.xml"}).wait();
    CHECK(devices.out.find("<v>5000</v>") != std::string::npos);
    const auto divisions = ChildProcess({"/usr/bin/unzip", "-p", file, "xl/worksheets/sheet2.xml"}).wait();
    CHECK(divisions.out.find("<v>2400</v>") != std::string::npos);
    const auto contract = ChildProcess({"/usr/bin/unzip", "-p", file, "xl/worksheets/sheet3.xml"}).wait();
    CHECK(contract.out.find("<v>65000000</v>") != std::string::npos);
    CHECK(contract.out.find("<v>7500</v>") != std::string::npos);
}

TEST_CASE("billing refuses a missing, malformed or future month, and readers only", "[telemetry][billing]") {
    OctoberFleet fleet;
    for (const auto* path : {"/api/v1/telemetry/billing", "/api/v1/telemetry/billing.csv", "/api/v1/telemetry/billing.xlsx"}) {
        INFO(path);
        check_invalid_parameter(fleet.desk.client->Get(path), {"month"}, "field.required");
        const std::string base = path;
        check_invalid_parameter(fleet.desk.client->Get((base + "?month=2026-13").c_str()), {"month"}, "field.invalid_month");
        check_invalid_parameter(fleet.desk.client->Get((base + "?month=2026-1").c_str()), {"month"}, "field.invalid_month");
        check_invalid_parameter(fleet.desk.client->Get((base + "?month=2999-01").c_str()), {"month"}, "field.date_in_future");
        const auto staff = fleet.staff.client->Get((base + "?month=2026-10").c_str());
        REQUIRE(staff);
        CHECK(staff->status == 403);
    }
}
