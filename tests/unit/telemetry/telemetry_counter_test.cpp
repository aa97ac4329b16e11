// Page counters between samples and the judgement of a day's pages, worked out by hand.
#include <catch2/catch.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include "telemetry/page_counter.hpp"
#include "telemetry/usage_anomaly.hpp"

using namespace madoguchi::telemetry;
using madoguchi::calendar::Instant;

namespace {

constexpr std::int64_t t0 = 1'795'000'000;  // 2026-11-17T…Z; only differences matter
constexpr std::int64_t hour = 3600;

CounterSample at(std::int64_t seconds, std::optional<std::int64_t> value) { return {Instant{seconds}, value}; }

}  // namespace

TEST_CASE("pages between two samples are the counter's difference", "[telemetry][counter]") {
    const CounterRules rules;  // Counter32, at most 2100 pages an hour
    const auto delta = counter_delta(at(t0, 1000), at(t0 + hour, 1250), rules);
    CHECK(delta.change == CounterChange::counted);
    CHECK(delta.pages == 250);
    CHECK(delta.oddities.empty());
    CHECK(counter_delta(at(t0, 1000), at(t0 + hour, 1000), rules).pages == 0);
}

TEST_CASE("a Counter32 that passes 2^32 wraps, one that goes back otherwise was reset", "[telemetry][counter]") {
    const CounterRules rules;
    // 4,294,967,296 − 4,294,967,000 + 200 = 496 pages in an hour: a wrap.
    const auto wrapped = counter_delta(at(t0, 4'294'967'000), at(t0 + hour, 200), rules);
    CHECK(wrapped.change == CounterChange::wrapped);
    CHECK(wrapped.pages == 496);

    const auto reset = counter_delta(at(t0, 50'000), at(t0 + hour, 120), rules);
    CHECK(reset.change == CounterChange::reset);
    CHECK(reset.pages == 0);
    CHECK(reset.oddities == std::vector<Oddity>{Oddity::counter_backwards});

    // Ricoh's Integer32 counters never wrap: backwards is a reset.
    CounterRules ricoh;
    ricoh.counter32 = false;
    CHECK(counter_delta(at(t0, 4'294'967'000), at(t0 + hour, 200), ricoh).change == CounterChange::reset);
    // A value beyond Counter32 going back to 0 cannot be a wrap.
    CHECK(counter_delta(at(t0, INT64_MAX), at(t0 + hour, 0), rules).change == CounterChange::reset);
}

TEST_CASE("more pages than the device prints in the time is a jump, not counted", "[telemetry][counter]") {
    const CounterRules rules;
    // One hour allows 1 + 2100 = 2101 pages.
    CHECK(counter_delta(at(t0, 1000), at(t0 + hour, 3101), rules).change == CounterChange::counted);
    const auto jump = counter_delta(at(t0, 1000), at(t0 + hour, 3102), rules);
    CHECK(jump.change == CounterChange::jump);
    CHECK(jump.pages == 0);
    CHECK(jump.oddities == std::vector<Oddity>{Oddity::counter_jump});
    // A wrap is only a wrap within the same limit.
    CHECK(counter_delta(at(t0, 4'294'967'000), at(t0 + 60, 200), rules).change == CounterChange::reset);
}

TEST_CASE("garbage counters count nothing and never throw", "[telemetry][counter]") {
    const CounterRules rules;
    const auto negative = counter_delta(at(t0, -5), at(t0 + hour, 10), rules);
    CHECK(negative.change == CounterChange::unreadable);
    CHECK(negative.oddities == std::vector<Oddity>{Oddity::counter_negative});
    const auto missing = counter_delta(at(t0, std::nullopt), at(t0 + hour, 10), rules);
    CHECK(missing.change == CounterChange::unreadable);
    CHECK(missing.oddities.empty());
    CHECK(counter_delta(at(t0, 10), at(t0, 12), rules).oddities == std::vector<Oddity>{Oddity::sample_out_of_order});
    CHECK(counter_delta(at(t0, 0), at(INT64_MAX, INT64_MAX), rules).change == CounterChange::jump);
    CounterRules silly;
    silly.max_pages_per_hour = INT64_MAX;
    CHECK(counter_delta(at(t0, 0), at(INT64_MAX, 5), silly).pages == 5);
}

TEST_CASE("only impressions and sheets are pages", "[telemetry][counter]") {
    CHECK(counts_pages(7));
    CHECK(counts_pages(8));
    CHECK_FALSE(counts_pages(17));  // meters
    CHECK_FALSE(counts_pages(std::nullopt));
}

TEST_CASE("Ricoh's total counters by function", "[telemetry][counter]") {
    CHECK(ricoh_counter_function("Counter: Machine Total") == CounterFunction::machine_total);
    CHECK(ricoh_counter_function("Counter:Copy:Total") == CounterFunction::copy);
    CHECK(ricoh_counter_function("Counter:Print:Total") == CounterFunction::print);
    CHECK(ricoh_counter_function("Counter:FAX:Total") == CounterFunction::fax);
    CHECK(ricoh_counter_function("Counter:Fax Total") == CounterFunction::fax);
    CHECK(ricoh_counter_function("Counter:Transmission:Total") == CounterFunction::scan);
    CHECK_FALSE(ricoh_counter_function("Counter:Print:Full Color"));
    CHECK_FALSE(ricoh_counter_function(""));
    CHECK_FALSE(ricoh_counter_function(std::string(100'000, 'x')));
}

TEST_CASE("median and median absolute deviation", "[telemetry][usage]") {
    const std::vector<double> odd{1, 3, 2};
    const std::vector<double> even{4, 1, 3, 2};
    const std::vector<double> outlier{1, 2, 3, 4, 100};
    CHECK(median(odd) == 2);
    CHECK(median(even) == 2.5);
    CHECK_FALSE(median(std::vector<double>{}));
    // Median 3; deviations 2, 1, 0, 1, 97: their median is 1, whatever the outlier.
    CHECK(median_absolute_deviation(outlier) == 1);
}

TEST_CASE("a day far from the device's own normal is flagged", "[telemetry][usage]") {
    // Sorted: 80 90 90 95 100×6 105 110 110 120: median 100. Deviations sorted:
    // 0×6 5 5 10×4 20 20: MAD 5.
    const std::vector<std::int64_t> history{100, 110, 90, 105, 95, 100, 120, 80, 100, 100, 110, 90, 100, 100};
    UsageRules rules;
    rules.min_deviation_pages = 1;
    const auto busy = judge_day(history, 140, rules);
    CHECK(busy.median_pages == 100);
    CHECK(busy.deviation == 5);
    CHECK(busy.score == Approx(0.6745 * 40 / 5));  // 5.40
    CHECK(busy.verdict == UsageVerdict::unusually_high);
    CHECK(judge_day(history, 120, rules).verdict == UsageVerdict::normal);  // 2.70
    CHECK(judge_day(history, 60, rules).verdict == UsageVerdict::unusually_low);  // −5.40

    // With the default floor of 10 pages, 140 scores 2.70: normal; 160 scores 4.05.
    CHECK(judge_day(history, 140, UsageRules{}).verdict == UsageVerdict::normal);
    CHECK(judge_day(history, 160, UsageRules{}).verdict == UsageVerdict::unusually_high);

    // One wild day in the history does not move the normal.
    auto with_outlier = history;
    with_outlier.push_back(50'000);
    CHECK(judge_day(with_outlier, 140, rules).median_pages == 100);
}

TEST_CASE("no judgement before the minimum history", "[telemetry][usage]") {
    const std::vector<std::int64_t> short_history(13, 100);
    CHECK(judge_day(short_history, 10'000, UsageRules{}).verdict == UsageVerdict::not_enough_history);
    // Negative days are garbage and do not count towards the history.
    std::vector<std::int64_t> garbage(14, 100);
    garbage[0] = -1;
    CHECK(judge_day(garbage, 10'000, UsageRules{}).verdict == UsageVerdict::not_enough_history);
    // A steady device: 101 against 100 every day is normal despite MAD 0.
    const std::vector<std::int64_t> steady(14, 100);
    CHECK(judge_day(steady, 101, UsageRules{}).verdict == UsageVerdict::normal);
}

TEST_CASE("a device silent while its floor prints", "[telemetry][usage]") {
    const std::vector<FloorDevice> floor{
        {1, 0, 150},   // usually busy, nothing today
        {2, 300, 280},
        {3, 45, 60},
        {4, 0, 5},     // rarely prints: not silent
    };
    CHECK(silent_devices(floor, SilenceRules{}) == std::vector<std::int64_t>{1});
    // Only one peer printed: a quiet day, not a silent printer.
    const std::vector<FloorDevice> quiet{{1, 0, 150}, {2, 300, 280}, {3, 5, 60}};
    CHECK(silent_devices(quiet, SilenceRules{}).empty());
    CHECK(silent_devices({}, SilenceRules{}).empty());
}
