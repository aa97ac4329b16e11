#pragma once
// The arithmetic under the charts: "nice" axis ticks in 1-2-5 steps, value-to-pixel mapping,
// numbers with thousands separators, thinning crowded category labels, and stacking.
//
// A NaN value means "no value in that category" (a month nobody probed, an hour the device was
// not polled): a gap, not 0. The charts draw no bar or point there and break lines at it;
// axis ranges and stacking leave it out; the summary says which categories have no data.
#include <cmath>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace madoguchi::client {

struct AxisTicks {
    double low = 0.0;   // first tick, at or below the data
    double high = 1.0;  // last tick, at or above the data
    double step = 0.2;  // 1, 2 or 5 × 10^k
    std::vector<double> values;
};

// About `target` intervals covering [minimum, maximum]; a flat range gets a unit around it.
AxisTicks nice_ticks(double minimum, double maximum, int target = 5);

// Maps a value in [domain_low, domain_high] onto [range_low, range_high] (pixels; may run downwards).
struct LinearScale {
    double domain_low = 0.0;
    double domain_high = 1.0;
    double range_low = 0.0;
    double range_high = 1.0;
    double operator()(double value) const;
};

// "98,765", "1,234.5", "-1,000", "0.2": as many decimals as the step needs (none for step ≥ 1).
std::string format_number(double value, double step = 1.0);

// Show every n-th of `count` labels so that labels `widest` wide fit slots `slot` wide with
// `gap` between them; 1 when all fit.
int label_stride(int count, float slot, float widest, float gap);

// The value of a category without one.
inline constexpr double no_value = std::numeric_limits<double>::quiet_NaN();
inline bool has_value(double value) { return !std::isnan(value); }
// A value read, or no_value when there is none.
inline double value_or_gap(const std::optional<double>& value) { return value ? *value : no_value; }

struct Series {
    std::string name;
    std::vector<double> values;  // one per category; no_value (NaN) where it has none
};

struct ChartData {
    std::string title;
    std::vector<std::string> categories;
    std::vector<Series> series;
    bool empty() const;
    // Every series has one value per category.
    bool well_formed() const;
    // Whether any series has a value in the category.
    bool has_data(std::size_t category) const;
};

// Stacked bars: for each category, where each series' segment starts and ends, and the totals.
// Negative values cannot stack meaningfully (a segment would hide another), nor infinite ones:
// refused. A series without a value in a category adds an empty segment there (bottom = top);
// a category where no series has one totals no_value.
struct Stack {
    std::vector<std::vector<double>> bottoms;  // [series][category]
    std::vector<std::vector<double>> tops;
    std::vector<double> totals;               // per category
};
std::optional<Stack> stack_series(const ChartData& data);

// The range a chart's axis must cover: 0 and every value (every total when stacked), values
// missing left out.
struct ValueRange {
    double low = 0.0;
    double high = 0.0;
};
ValueRange value_range(const ChartData& data, bool stacked);

}  // namespace madoguchi::client
