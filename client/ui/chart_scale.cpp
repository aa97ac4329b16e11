#include "ui/chart_scale.hpp"

#include <algorithm>
#include <cmath>

namespace madoguchi::client {

AxisTicks nice_ticks(double minimum, double maximum, int target) {
    if (maximum < minimum) std::swap(minimum, maximum);
    if (minimum == maximum) {
        const double pad = minimum == 0.0 ? 1.0 : std::abs(minimum) * 0.5;
        minimum = minimum >= 0.0 && minimum - pad < 0.0 ? 0.0 : minimum - pad;
        maximum += pad;
    }
    const double raw = (maximum - minimum) / std::max(target, 1);
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    double step = magnitude * 10.0;
    for (const double factor : {1.0, 2.0, 5.0}) {
        // A little tolerance: 0..1 in five gives 0.2, not 0.5 because of rounding.
        if (factor * magnitude >= raw * (1.0 - 1e-9)) {
            step = factor * magnitude;
            break;
        }
    }
    AxisTicks ticks;
    ticks.step = step;
    ticks.low = std::floor(minimum / step + 1e-9) * step;
    ticks.high = std::ceil(maximum / step - 1e-9) * step;
    const auto count = static_cast<int>(std::llround((ticks.high - ticks.low) / step));
    for (int i = 0; i <= count; ++i) {
        const double value = ticks.low + step * i;
        ticks.values.push_back(std::abs(value) < step * 1e-9 ? 0.0 : value);  // no "-0"
    }
    return ticks;
}

double LinearScale::operator()(double value) const {
    const double span = domain_high - domain_low;
    if (span == 0.0) return range_low;
    return range_low + (value - domain_low) / span * (range_high - range_low);
}

std::string format_number(double value, double step) {
    int decimals = 0;
    if (step > 0.0 && step < 1.0) decimals = static_cast<int>(std::ceil(-std::log10(step) - 1e-9));
    decimals = std::min(decimals, 6);
    const double scale = std::pow(10.0, decimals);
    auto scaled = static_cast<long long>(std::llround(std::abs(value) * scale));
    const bool negative = value < 0.0 && scaled != 0;
    const auto whole = scaled / static_cast<long long>(scale);
    const auto fraction = scaled % static_cast<long long>(scale);

    auto digits = std::to_string(whole);
    std::string grouped;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) grouped += ',';
        grouped += digits[i];
    }
    if (decimals > 0) {
        auto tail = std::to_string(fraction);
        grouped += '.';
        grouped.append(static_cast<std::size_t>(decimals) - tail.size(), '0');
        grouped += tail;
    }
    if (negative) grouped.insert(0, 1, '-');
    return grouped;
}

int label_stride(int count, float slot, float widest, float gap) {
    if (count <= 1 || slot <= 0.0F) return 1;
    const auto needed = static_cast<int>(std::ceil((widest + gap) / slot - 1e-6F));
    return std::clamp(needed, 1, count);
}

bool ChartData::empty() const {
    return categories.empty() || series.empty();
}

bool ChartData::well_formed() const {
    return std::all_of(series.begin(), series.end(),
                       [&](const Series& one) { return one.values.size() == categories.size(); });
}

bool ChartData::has_data(std::size_t category) const {
    return std::any_of(series.begin(), series.end(), [&](const Series& one) {
        return category < one.values.size() && has_value(one.values[category]);
    });
}

std::optional<Stack> stack_series(const ChartData& data) {
    if (!data.well_formed()) return std::nullopt;
    Stack stack;
    stack.totals.assign(data.categories.size(), 0.0);
    for (const auto& series : data.series) {
        std::vector<double> bottoms;
        std::vector<double> tops;
        for (std::size_t category = 0; category < series.values.size(); ++category) {
            const double value = series.values[category];
            if (has_value(value) && (value < 0.0 || !std::isfinite(value))) return std::nullopt;
            bottoms.push_back(stack.totals[category]);
            if (has_value(value)) stack.totals[category] += value;
            tops.push_back(stack.totals[category]);
        }
        stack.bottoms.push_back(std::move(bottoms));
        stack.tops.push_back(std::move(tops));
    }
    for (std::size_t category = 0; category < stack.totals.size(); ++category) {
        if (!data.has_data(category)) stack.totals[category] = no_value;
    }
    return stack;
}

ValueRange value_range(const ChartData& data, bool stacked) {
    ValueRange range;
    if (stacked) {
        if (const auto stack = stack_series(data)) {
            for (const double total : stack->totals) {
                if (has_value(total)) range.high = std::max(range.high, total);
            }
        }
        return range;
    }
    for (const auto& series : data.series) {
        for (const double value : series.values) {
            if (!has_value(value)) continue;
            range.low = std::min(range.low, value);
            range.high = std::max(range.high, value);
        }
    }
    return range;
}

}  // namespace madoguchi::client
