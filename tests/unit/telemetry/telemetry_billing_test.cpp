// Billing: pages per Tokyo month from counter samples, division totals and the contract's
// pace, worked out by hand.
#include <catch2/catch.hpp>

#include <vector>

#include "calendar/tokyo_time.hpp"
#include "telemetry/billing.hpp"

using namespace madoguchi::telemetry;
using madoguchi::calendar::Date;
using madoguchi::calendar::Instant;

namespace {

CounterSample sample(const char* iso, std::optional<std::int64_t> value) {
    return {*madoguchi::calendar::parse_iso8601(iso).instant, value};
}

}  // namespace

TEST_CASE("pages per month from counter deltas, resets not billed", "[telemetry][billing]") {
    const std::vector<CounterSample> samples{
        sample("2026-10-31T22:00:00+09:00", 10'000),
        sample("2026-10-31T23:00:00+09:00", 10'500),  // +500 in October
        sample("2026-11-01T00:00:00+09:00", 10'800),  // +300 in November (still October in UTC)
        sample("2026-11-01T01:00:00+09:00", std::nullopt),
        sample("2026-11-01T02:00:00+09:00", 11'000),  // +200 against the last readable value
        sample("2026-11-01T03:00:00+09:00", 50),      // reset: nothing billed
        sample("2026-11-01T04:00:00+09:00", 150),     // +100 from the new value
        sample("2026-12-01T04:00:00+09:00", 30'150),  // +30,000 in December
    };
    const auto billing = monthly_pages(samples, CounterRules{});
    CHECK(billing.months == std::vector<MonthlyPages>{{{2026, 10}, 500}, {{2026, 11}, 600}, {{2026, 12}, 30'000}});
    CHECK(billing.resets == 1);
    CHECK(billing.oddities == std::vector<Oddity>{Oddity::counter_backwards});
}

TEST_CASE("garbage counter samples are stepped over", "[telemetry][billing]") {
    const std::vector<CounterSample> samples{
        sample("2026-11-02T09:00:00+09:00", 1'000),
        sample("2026-11-02T10:00:00+09:00", -3),
        sample("2026-11-02T08:30:00+09:00", 1'100),  // out of order
        sample("2026-11-02T11:00:00+09:00", 1'400),
    };
    const auto billing = monthly_pages(samples, CounterRules{});
    CHECK(billing.months == std::vector<MonthlyPages>{{{2026, 11}, 400}});
    CHECK(billing.oddities == std::vector<Oddity>{Oddity::counter_negative, Oddity::sample_out_of_order});
    CHECK(monthly_pages({}, CounterRules{}).months.empty());
}

TEST_CASE("totals by division and month", "[telemetry][billing]") {
    const std::vector<DevicePages> rows{
        {1, "MIN-SOM", {2026, 11}, 100},
        {2, "MIN-SOM", {2026, 11}, 50},
        {3, "MIN-KAI", {2026, 11}, 70},
        {1, "MIN-SOM", {2026, 10}, 10},
    };
    CHECK(totals_by_division(rows) == std::vector<DivisionPages>{{"MIN-KAI", {2026, 11}, 70, 1},
                                                                  {"MIN-SOM", {2026, 10}, 10, 1},
                                                                  {"MIN-SOM", {2026, 11}, 150, 2}});
}

TEST_CASE("the year's pace against 65 million pages", "[telemetry][billing]") {
    // 1 April to 30 September is 183 days of the 365 to next 1 April:
    // 65,000,000 × 183 / 365 = 32,589,041.1 pages expected.
    const Date start{2026, 4, 1};
    const Date today{2026, 9, 30};
    const auto under = contract_pace(30'000'000, start, today);
    CHECK(under.expected_by_now == Approx(32'589'041.1));
    CHECK(under.projected_year == Approx(59'836'065.6));  // 30,000,000 × 365 / 183
    CHECK(under.ratio == Approx(0.9206).epsilon(1e-4));
    CHECK(under.status == PaceStatus::under);
    CHECK(contract_pace(34'000'000, start, today).status == PaceStatus::on_pace);  // 1.043
    CHECK(contract_pace(36'000'000, start, today).status == PaceStatus::over);     // 1.105
    // The first day counts as one day elapsed; a leap year has 366.
    CHECK(contract_pace(0, start, start).expected_by_now == Approx(65'000'000.0 / 365));
    CHECK(contract_pace(0, Date{2027, 4, 1}, Date{2027, 4, 1}).expected_by_now == Approx(65'000'000.0 / 366));
}

TEST_CASE("pages per Tokyo day, a reset marking its day", "[telemetry][billing]") {
    const std::vector<CounterSample> samples{
        sample("2026-11-24T23:00:00+09:00", 5'000),
        sample("2026-11-25T00:30:00+09:00", 5'040),  // +40 on the 25th (the 24th in UTC)
        sample("2026-11-25T12:00:00+09:00", 5'400),  // +360
        sample("2026-11-26T09:00:00+09:00", 20),     // reset on the 26th: nothing counted
        sample("2026-11-26T10:00:00+09:00", 120),    // +100
        sample("2026-11-28T10:00:00+09:00", 120),    // a day without pages is still a day
    };
    const auto days = daily_pages(samples, CounterRules{});
    CHECK(days == std::vector<DailyPages>{{Date{2026, 11, 25}, 400, false},
                                          {Date{2026, 11, 26}, 100, true},
                                          {Date{2026, 11, 28}, 0, false}});
}
