// Toner forecasts over level samples taken at 09:00 Tokyo each day, worked out by hand.
#include <catch2/catch.hpp>

#include <vector>

#include "telemetry/toner_forecast.hpp"

using namespace madoguchi::telemetry;
using madoguchi::calendar::Date;
using madoguchi::calendar::from_tokyo;
using madoguchi::calendar::Instant;

namespace {

// 09:00 Tokyo on 2026-11-01 plus `days` days and `hours` hours.
Instant day(int days, int hours = 0) {
    return Instant{from_tokyo(Date{2026, 11, 1}, 9 * 3600).unix_seconds + days * 86400LL + hours * 3600LL};
}

LevelSample measured(Instant at, int percent) { return {at, LevelState::measured, percent}; }

std::vector<LevelSample> daily(int first_day, std::initializer_list<int> levels) {
    std::vector<LevelSample> samples;
    int index = first_day;
    for (const int level : levels) samples.push_back(measured(day(index++), level));
    return samples;
}

}  // namespace

TEST_CASE("consumption and days to empty from a steady decline", "[telemetry][toner]") {
    const auto samples = daily(0, {80, 78, 76, 74, 72});
    const auto forecast = forecast_toner(samples, day(4), ForecastRules{});
    CHECK(forecast.level == 72);
    REQUIRE(forecast.percent_per_day);
    CHECK(*forecast.percent_per_day == Approx(2.0));
    REQUIRE(forecast.days_to_empty);
    CHECK(*forecast.days_to_empty == Approx(36.0));  // 72 / 2
    // A day later without a new reading, a day less is left.
    CHECK(*forecast_toner(samples, day(5), ForecastRules{}).days_to_empty == Approx(35.0));
    CHECK_FALSE(forecast.replaced_at);
}

TEST_CASE("a wild reading does not move the rate", "[telemetry][toner]") {
    auto samples = daily(0, {80, 78});
    samples.push_back(measured(day(2), 76));
    samples.push_back(measured(day(2, 1), 20));  // the sensor's glitch: day 2's median is 48
    for (const auto& sample : daily(3, {74, 72})) samples.push_back(sample);
    // Six of the ten pairwise slopes avoid day 2 and are −2; the other four are about −29,
    // −16, +12 and +26, so the median is −2.
    const auto forecast = forecast_toner(samples, day(4), ForecastRules{});
    REQUIRE(forecast.percent_per_day);
    CHECK(*forecast.percent_per_day == Approx(2.0));
    // Small rises are noise, not a new cartridge; so is one reading far up and back.
    CHECK_FALSE(forecast_toner(daily(0, {50, 48, 51, 49}), day(3), ForecastRules{}).replaced_at);
    CHECK_FALSE(forecast_toner(daily(0, {50, 48, 90, 46, 44}), day(4), ForecastRules{}).replaced_at);
}

TEST_CASE("a replacement starts the rate again from the new cartridge", "[telemetry][toner]") {
    const auto samples = daily(0, {20, 18, 16, 14, 12, 100, 98, 96});
    const auto forecast = forecast_toner(samples, day(7), ForecastRules{});
    CHECK(forecast.replaced_at == day(5));
    CHECK(forecast.level == 96);
    CHECK(*forecast.percent_per_day == Approx(2.0));
    CHECK(*forecast.days_to_empty == Approx(48.0));

    // Ricoh's near-empty counts as empty: near-empty then 100 is a new cartridge.
    std::vector<LevelSample> ricoh{measured(day(0), 10), {day(1), LevelState::near_empty, std::nullopt},
                                   measured(day(2), 100)};
    // One high reading is not yet a replacement: the next one confirms it.
    CHECK_FALSE(forecast_toner(ricoh, day(2), ForecastRules{}).replaced_at);
    ricoh.push_back(measured(day(2, 1), 100));
    CHECK(forecast_toner(ricoh, day(2), ForecastRules{}).replaced_at == day(2));
}

TEST_CASE("no rate without enough days, within the window, of a toner in use", "[telemetry][toner]") {
    const auto two_days = forecast_toner(daily(0, {80, 78}), day(1), ForecastRules{});
    CHECK(two_days.level == 78);
    CHECK_FALSE(two_days.percent_per_day);
    CHECK_FALSE(two_days.days_to_empty);

    // Forty days later the readings are outside the 30-day window.
    const auto stale = forecast_toner(daily(0, {80, 78, 76, 74}), day(40), ForecastRules{});
    CHECK(stale.level == 74);
    CHECK_FALSE(stale.percent_per_day);

    const auto idle = forecast_toner(daily(0, {60, 60, 60, 60}), day(3), ForecastRules{});
    CHECK(idle.percent_per_day == 0.0);
    CHECK_FALSE(idle.days_to_empty);

    CHECK_FALSE(forecast_toner({}, day(0), ForecastRules{}).level);
    // Out of order and unknown samples are skipped.
    std::vector<LevelSample> messy{measured(day(2), 50), measured(day(1), 99), {day(3), LevelState::unknown, std::nullopt}};
    CHECK(forecast_toner(messy, day(3), ForecastRules{}).level == 50);
}

TEST_CASE("an order is placed once, below the lead time or the threshold", "[telemetry][toner]") {
    const OrderRules rules;  // 5 days lead time, 10 %
    TonerForecast forecast;
    forecast.level = 50;
    forecast.days_to_empty = 30;
    CHECK_FALSE(decide_order(forecast, false, rules).order);

    forecast.days_to_empty = 4;
    CHECK(decide_order(forecast, false, rules).order);
    CHECK(decide_order(forecast, false, rules).reason == OrderReason::lead_time);

    forecast.days_to_empty.reset();
    forecast.level = 10;
    CHECK(decide_order(forecast, false, rules).reason == OrderReason::level_threshold);

    TonerForecast ricoh;
    ricoh.near_empty = true;
    CHECK(decide_order(ricoh, false, rules).reason == OrderReason::near_empty);

    const auto open = decide_order(forecast, true, rules);
    CHECK_FALSE(open.order);
    CHECK(open.reason == OrderReason::order_open);
}
