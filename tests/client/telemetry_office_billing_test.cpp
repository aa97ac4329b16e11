// 請求 against a real server: a month's pages per division and device from the counter samples,
// the fiscal year against the 65,000,000-page contract, the months of the year for the chart
// in the same answer (one GET), the downloads of the shown month, and no month
// after this one; staff may not read billing.
#include <catch2/catch.hpp>

#include "api/form_errors.hpp"
#include "telemetry/billing_report.hpp"
#include "telemetry_office_fixtures.hpp"

using namespace madoguchi;
using i18n::Language;

namespace {

void wait_loaded(testing::DeskTab& tab, client::Billing& billing) {
    tab.wait([&] { return billing.state() != client::Billing::State::loading; });
    REQUIRE(billing.state() == client::Billing::State::loaded);
}

}  // namespace

TEST_CASE("billing shows a month by division and device against the contract, and its downloads", "[telemetry_office][billing]") {
    testing::TelemetryOffice office;
    const auto model = office.model("リコー", "RICOH IM C3510F");
    const auto soumu = office.printer("MFP-000001", model, "D-SOUMU");
    const auto jinji = office.printer("MFP-000002", model, "D-JINJI");
    // Each delta is billed to the month of its later sample: soumu prints 400 pages last month,
    // then soumu 1,500 and jinji 300 this month.
    const auto today = client::month_of(calendar::now());
    const auto last = client::add_months(today, -1);
    const auto start_of = [](client::ReportMonth month, int second) {
        return calendar::from_tokyo({month.year, month.month, 1}, second);
    };
    const auto last_minute_of_last = calendar::Instant{start_of(today, 0).unix_seconds - 60};
    office.counter(soumu, start_of(last, 3600), 10'000);
    office.counter(jinji, start_of(last, 3600), 50'000);
    office.counter(soumu, last_minute_of_last, 10'400);
    office.counter(jinji, last_minute_of_last, 50'000);
    office.counter(soumu, start_of(today, 60), 10'400);
    office.counter(jinji, start_of(today, 60), 50'000);
    // Three hours apart: a printer's 1,500 pages in a minute would be an implausible jump, not billed.
    office.counter(soumu, start_of(today, 3 * 3600), 11'900);
    office.counter(jinji, start_of(today, 3 * 3600), 50'300);
    testing::DeskTab desk(office.server.port(), "desk1");

    client::Billing billing;
    billing.load(desk.api, today);
    // The month and its fiscal year's months for the chart come in one answer.
    CHECK(desk.api.in_flight() == 1);
    wait_loaded(desk, billing);
    REQUIRE(billing.report());
    const auto& report = *billing.report();
    CHECK(report.month == client::month_text(today));
    CHECK(report.contract_pages == 65'000'000);
    CHECK(report.month_pages == 1'800);
    const bool same_year = client::fiscal_year_start(today) == client::fiscal_year_start(last);
    CHECK(report.year_pages == (same_year ? 2'200 : 1'800));
    CHECK(report.share_used == Approx(report.year_pages / 65'000'000.0));
    CHECK(client::share_text(0.1234) == "12.3%");
    CHECK(client::share_text(1.0) == "100.0%");
    REQUIRE(billing.divisions().total_rows() == 2);
    billing.divisions().sort_by({3, client::SortDirection::descending});
    const auto top = billing.divisions().visible_rows().front();
    CHECK(billing.divisions().cell_text(top, 0) == "D-SOUMU");
    CHECK(billing.divisions().cell_text(top, 3) == "1,500");
    REQUIRE(billing.devices().total_rows() == 2);
    CHECK_FALSE(billing.month().can_go_later(today));

    // The chart: each month of the fiscal year up to this one, last month's 400 pages with them.
    const auto first = client::fiscal_year_start(today);
    const auto months = (today.year - first.year) * 12 + today.month - first.month + 1;
    const auto chart = billing.monthly_chart(Language::ja);
    REQUIRE(chart.categories.size() == static_cast<std::size_t>(months));
    CHECK(chart.categories.front() == "4月");
    CHECK(chart.categories.back() == std::to_string(today.month) + "月");
    CHECK(chart.series.front().values.back() == 1'800.0);
    if (same_year) CHECK(chart.series.front().values[static_cast<std::size_t>(months - 2)] == 400.0);
    CHECK(billing.monthly_chart(Language::en).categories.front() == client::month_text(first));

    // The downloads are the shown month's, as the server writes them.
    CHECK(billing.csv_path() == "/api/v1/telemetry/billing.csv?month=" + client::month_text(today));
    const auto csv = desk.call("GET", billing.csv_path());
    CHECK(csv.status == 200);
    CHECK(csv.body.find("MFP-000001") != std::string::npos);
    const auto xlsx = desk.call("GET", billing.xlsx_path());
    CHECK(xlsx.status == 200);
    CHECK(xlsx.body.starts_with("PK"));

    // Last month: soumu's 400 pages only.
    billing.show_month(desk.api, last, today);
    CHECK(desk.api.in_flight() == 1);
    wait_loaded(desk, billing);
    CHECK(billing.report()->month_pages == 400);
    CHECK(billing.month().can_go_later(today));
    CHECK(billing.csv_path().ends_with(client::month_text(last)));

    // A month after this one is never asked: loading brings it back to this month.
    billing.show_month(desk.api, client::add_months(today, 1), today);
    wait_loaded(desk, billing);
    CHECK(billing.month().shown() == today);
}

TEST_CASE("billing refused to a vendor says so", "[telemetry_office][billing]") {
    testing::TelemetryOffice office;
    testing::DeskTab vendor(office.server.port(), "ricoh1");
    client::Billing billing;
    billing.load(vendor.api, client::month_of(calendar::now()));
    vendor.wait([&] { return billing.state() != client::Billing::State::loading; });
    CHECK(billing.state() == client::Billing::State::failed);
    CHECK(client::error_text(billing.error(), Language::ja) == i18n::text("error.forbidden", Language::ja));
}

TEST_CASE("report months step across years and name the fiscal year", "[telemetry_office][billing]") {
    CHECK(client::add_months({2026, 12}, 1) == client::ReportMonth{2027, 1});
    CHECK(client::add_months({2027, 1}, -1) == client::ReportMonth{2026, 12});
    CHECK(client::add_months({2026, 11}, -11) == client::ReportMonth{2025, 12});
    CHECK(client::fiscal_year_start({2027, 3}) == client::ReportMonth{2026, 4});
    CHECK(client::fiscal_year_start({2026, 4}) == client::ReportMonth{2026, 4});
    CHECK(client::month_text({2026, 4}) == "2026-04");
    CHECK(client::parse_report_month("2026-11") == client::ReportMonth{2026, 11});
    CHECK_FALSE(client::parse_report_month("2026-13"));
    CHECK_FALSE(client::parse_report_month("2026/11"));
    CHECK(client::month_label({2026, 11}, Language::ja) == "2026年11月");
    CHECK(client::month_label({2026, 11}, Language::en) == "November 2026");

    // The shown month: this month until another is picked, never a later one.
    client::ReportMonthState month;
    CHECK_FALSE(month.shown());
    CHECK_FALSE(month.can_go_later({2026, 11}));
    CHECK(month.settle({2026, 11}) == client::ReportMonth{2026, 11});
    month.pick({2026, 9});
    CHECK(month.settle({2026, 11}) == client::ReportMonth{2026, 9});
    CHECK(month.can_go_later({2026, 11}));
    month.pick({2026, 12});
    CHECK(month.settle({2026, 11}) == client::ReportMonth{2026, 11});
    CHECK_FALSE(month.can_go_later({2026, 11}));
    month.clear();
    CHECK_FALSE(month.shown());
}
