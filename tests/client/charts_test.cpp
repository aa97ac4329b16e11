#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

#include "ui/chart_scale.hpp"
#include "ui/charts.hpp"

using namespace madoguchi;
using client::nice_ticks;

TEST_CASE("axis ticks are round 1-2-5 steps covering the data", "[charts]") {
    const auto hundred = nice_ticks(0, 97);
    CHECK(hundred.step == Approx(20));
    CHECK(hundred.low == Approx(0));
    CHECK(hundred.high == Approx(100));
    CHECK(hundred.values.size() == 6);

    const auto unit = nice_ticks(0, 1);
    CHECK(unit.step == Approx(0.2));
    CHECK(unit.high == Approx(1));
    CHECK(unit.values.size() == 6);

    const auto wide = nice_ticks(1234, 98765);
    CHECK(wide.step == Approx(20000));
    CHECK(wide.low == Approx(0));
    CHECK(wide.high == Approx(100000));

    const auto negative = nice_ticks(-7, 13);
    CHECK(negative.step == Approx(5));
    CHECK(negative.low == Approx(-10));
    CHECK(negative.high == Approx(15));
    CHECK(negative.values[2] == 0.0);

    const auto flat = nice_ticks(0, 0);
    CHECK(flat.high > flat.low);
    const auto single = nice_ticks(50, 50);
    CHECK(single.low <= 50);
    CHECK(single.high >= 50);
    CHECK(single.high > single.low);
}

TEST_CASE("numbers carry thousands separators and the decimals their step needs", "[charts]") {
    CHECK(client::format_number(98765) == "98,765");
    CHECK(client::format_number(1234567) == "1,234,567");
    CHECK(client::format_number(100000, 20000) == "100,000");
    CHECK(client::format_number(-1000) == "-1,000");
    CHECK(client::format_number(999) == "999");
    CHECK(client::format_number(0.4, 0.2) == "0.4");
    CHECK(client::format_number(0.05, 0.05) == "0.05");
    CHECK(client::format_number(-0.0001, 0.2) == "0.0");
}

TEST_CASE("a scale maps values to pixels, upwards for a y axis", "[charts]") {
    const client::LinearScale y{0, 100, 300, 100};
    CHECK(y(0) == Approx(300));
    CHECK(y(100) == Approx(100));
    CHECK(y(25) == Approx(250));
}

TEST_CASE("crowded category labels are thinned to every n-th", "[charts]") {
    CHECK(client::label_stride(12, 80.0F, 60.0F, 8.0F) == 1);
    CHECK(client::label_stride(12, 30.0F, 60.0F, 8.0F) == 3);
    CHECK(client::label_stride(365, 2.0F, 60.0F, 8.0F) == 34);
    CHECK(client::label_stride(1, 2.0F, 60.0F, 8.0F) == 1);
}

TEST_CASE("stacking gives each segment's span and the totals, negatives are refused", "[charts]") {
    client::ChartData data{"tickets", {"10月", "11月"}, {{"問い合わせ", {3, 5}}, {"故障", {2, 0}}, {"要望", {1, 4}}}};
    const auto stack = client::stack_series(data);
    REQUIRE(stack);
    CHECK(stack->totals == std::vector<double>{6, 9});
    CHECK(stack->bottoms[1] == std::vector<double>{3, 5});
    CHECK(stack->tops[2] == std::vector<double>{6, 9});
    CHECK(client::value_range(data, true).high == 9);
    CHECK(client::value_range(data, false).high == 5);

    data.series[1].values[0] = -2;
    CHECK_FALSE(client::stack_series(data));
    CHECK(client::value_range(data, false).low == -2);
    data.series[1].values = {1};
    CHECK_FALSE(data.well_formed());
    CHECK_FALSE(client::stack_series(data));
}

TEST_CASE("a chart's summary names its series, categories and range, or says it is empty", "[charts]") {
    const client::ChartData data{"toner", {"1階", "2階", "3階"}, {{"モノクロ", {12, 1234, 7}}, {"カラー", {3, 4, 5}}}};
    CHECK(client::chart_summary(client::ChartKind::bar, data, i18n::Language::ja) == "2系列・3項目、3〜1,234");
    CHECK(client::chart_summary(client::ChartKind::bar, data, i18n::Language::en) == "2 series, 3 categories, 3 to 1,234");
    CHECK(client::chart_summary(client::ChartKind::stacked_bar, data, i18n::Language::ja) == "2系列・3項目、合計 12〜1,238");
    const client::ChartData empty{"none", {}, {}};
    CHECK(client::chart_summary(client::ChartKind::line, empty, i18n::Language::ja) == "表示するデータがありません");
}

TEST_CASE("a NaN value is no value: ranges and stacks leave it out, the summary names the gap", "[charts]") {
    using client::no_value;
    client::ChartData data{"availability", {"4月", "5月", "6月", "7月"}, {{"稼働率", {99.5, no_value, 98.0, no_value}}}};
    CHECK(client::value_or_gap(std::nullopt) != client::value_or_gap(std::nullopt));  // NaN
    CHECK(client::value_or_gap(97.5) == 97.5);
    CHECK_FALSE(data.has_data(1));
    CHECK(data.has_data(2));
    const auto range = client::value_range(data, false);
    CHECK(range.low == 0);
    CHECK(range.high == 99.5);
    CHECK(client::nice_ticks(range.low, range.high).high == Approx(100));
    CHECK(client::chart_summary(client::ChartKind::line, data, i18n::Language::ja) == "1系列・4項目、98.0〜99.5、5月・7月はデータなし");
    CHECK(client::chart_summary(client::ChartKind::line, data, i18n::Language::en) == "1 series, 4 categories, 98.0 to 99.5; no data for 5月, 7月");

    // Stacked: a series without a value adds an empty segment; a category nobody has totals NaN.
    client::ChartData pages{"pages", {"1時", "2時", "3時"}, {{"白黒", {10, no_value, no_value}}, {"カラー", {5, 7, no_value}}}};
    const auto stack = client::stack_series(pages);
    REQUIRE(stack);
    CHECK(stack->bottoms[1] == std::vector<double>{10, 0, 0});
    CHECK(stack->tops[1] == std::vector<double>{15, 7, 0});
    CHECK(stack->totals[0] == 15);
    CHECK(stack->totals[1] == 7);
    CHECK(std::isnan(stack->totals[2]));
    CHECK(client::value_range(pages, true).high == 15);
    CHECK(client::chart_summary(client::ChartKind::stacked_bar, pages, i18n::Language::ja) == "2系列・3項目、合計 7〜15、3時はデータなし");
    // Infinity is still refused.
    pages.series[0].values[1] = std::numeric_limits<double>::infinity();
    CHECK_FALSE(client::stack_series(pages));

    // Many gaps are counted; nothing at all is said as such.
    client::ChartData hours{"hours", {}, {{"枚数", {}}}};
    for (int hour = 0; hour < 24; ++hour) {
        hours.categories.push_back(std::to_string(hour) + "時");
        hours.series[0].values.push_back(hour < 9 ? no_value : 100.0 * hour);
    }
    CHECK(client::chart_summary(client::ChartKind::bar, hours, i18n::Language::ja) == "1系列・24項目、900〜2,300、9項目はデータなし");
    CHECK(client::chart_summary(client::ChartKind::bar, hours, i18n::Language::en) == "1 series, 24 categories, 900 to 2,300; no data for 9 categories");
    for (auto& value : hours.series[0].values) value = no_value;
    CHECK(client::chart_summary(client::ChartKind::bar, hours, i18n::Language::ja) == "どの項目にもデータがありません");
    CHECK(client::value_range(hours, false).high == 0);
}
