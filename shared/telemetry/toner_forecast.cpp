#include "telemetry/toner_forecast.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <utility>
#include <vector>

#include "tickets/named_values.hpp"
#include "telemetry/usage_anomaly.hpp"

namespace madoguchi::telemetry {

namespace {

constexpr double seconds_per_day = 86400.0;
// Below this a toner is not being used (0.01 % a day is a cartridge in 27 years).
constexpr double min_consumption = 0.01;

constexpr std::array<tickets::Named<OrderReason>, 5> reason_texts{{
    {OrderReason::none, "none", "telemetry.order_reason.none"},
    {OrderReason::lead_time, "lead_time", "telemetry.order_reason.lead_time"},
    {OrderReason::level_threshold, "level_threshold", "telemetry.order_reason.level_threshold"},
    {OrderReason::near_empty, "near_empty", "telemetry.order_reason.near_empty"},
    {OrderReason::order_open, "order_open", "telemetry.order_reason.order_open"},
}};
static_assert(tickets::in_enum_order(reason_texts));

struct DayPoint {
    double day;    // mean instant of the day's samples, in days since the epoch
    double level;  // median level that day
};

// Level for telling a replacement: near-empty counts as 0, so near-empty → 100 is a new cartridge.
std::optional<int> comparable_level(const LevelSample& sample) {
    if (sample.state == LevelState::measured && sample.percent) return sample.percent;
    if (sample.state == LevelState::near_empty) return 0;
    return std::nullopt;
}

double theil_sen_slope(const std::vector<DayPoint>& points) {
    std::vector<double> slopes;
    for (std::size_t i = 0; i < points.size(); ++i)
        for (std::size_t j = i + 1; j < points.size(); ++j)
            if (points[j].day != points[i].day)
                slopes.push_back((points[j].level - points[i].level) / (points[j].day - points[i].day));
    return median(slopes).value_or(0.0);
}

}  // namespace

TonerForecast forecast_toner(std::span<const LevelSample> samples, calendar::Instant now, const ForecastRules& rules) {
    TonerForecast forecast;
    // The samples in order, and the levels that can tell a replacement.
    std::vector<const LevelSample*> ordered;
    std::vector<std::pair<std::size_t, double>> levels;  // index into ordered, level
    for (const auto& sample : samples) {
        if (!ordered.empty() && sample.at <= ordered.back()->at) continue;
        if (const auto level = comparable_level(sample)) levels.emplace_back(ordered.size(), *level);
        ordered.push_back(&sample);
    }
    // A new cartridge: a level well above the median of the (up to) three before it, and the
    // next level too, so one glitch either way is not taken for a replacement (nor closes an
    // order): a replacement is known one reading after it.
    const double rise = std::max(rules.replacement_rise, 1);
    std::size_t cartridge_start = 0;
    std::size_t history_start = 0;
    for (std::size_t k = 1; k < levels.size(); ++k) {
        const auto from = std::max(history_start, k >= 3 ? k - 3 : 0);
        if (from >= k) continue;
        std::vector<double> before;
        for (std::size_t j = from; j < k; ++j) before.push_back(levels[j].second);
        const double reference = *median(before);
        const bool confirmed = k + 1 < levels.size() && levels[k + 1].second - reference >= rise;
        if (levels[k].second - reference >= rise && confirmed) {
            cartridge_start = levels[k].first;
            forecast.replaced_at = ordered[cartridge_start]->at;
            history_start = k;
        }
    }
    if (ordered.empty()) return forecast;
    const auto& last = *ordered.back();
    forecast.near_empty = last.state == LevelState::near_empty;

    // Each Tokyo day's measured levels within the window, since the replacement.
    const auto window_start = now.unix_seconds - static_cast<std::int64_t>(std::max(rules.window_days, 1)) * 86400;
    std::map<calendar::Date, std::pair<std::vector<double>, double>> days;  // levels, sum of instants
    const LevelSample* last_measured = nullptr;
    for (std::size_t i = cartridge_start; i < ordered.size(); ++i) {
        const auto& sample = *ordered[i];
        if (sample.state != LevelState::measured || !sample.percent) continue;
        last_measured = &sample;
        if (sample.at.unix_seconds < window_start) continue;
        auto& day = days[calendar::to_tokyo(sample.at).date];
        day.first.push_back(static_cast<double>(*sample.percent));
        day.second += static_cast<double>(sample.at.unix_seconds) / seconds_per_day;
    }
    if (last_measured) forecast.level = last_measured->percent;
    if (days.size() < static_cast<std::size_t>(std::max(rules.min_days, 2))) return forecast;

    std::vector<DayPoint> points;
    for (const auto& [date, day] : days)
        points.push_back({day.second / static_cast<double>(day.first.size()), *median(day.first)});
    const double consumption = -theil_sen_slope(points);
    forecast.percent_per_day = std::max(consumption, 0.0);
    if (consumption >= min_consumption && forecast.level) {
        const double since_last = static_cast<double>(now.unix_seconds - last_measured->at.unix_seconds) / seconds_per_day;
        forecast.days_to_empty = std::max(0.0, *forecast.level / consumption - std::max(since_last, 0.0));
    }
    return forecast;
}

OrderDecision decide_order(const TonerForecast& forecast, bool order_open, const OrderRules& rules) {
    OrderReason reason = OrderReason::none;
    if (forecast.near_empty) reason = OrderReason::near_empty;
    else if (forecast.level && *forecast.level <= rules.order_at_percent) reason = OrderReason::level_threshold;
    else if (forecast.days_to_empty && *forecast.days_to_empty < rules.lead_time_days) reason = OrderReason::lead_time;
    if (reason == OrderReason::none) return {};
    if (order_open) return {false, OrderReason::order_open};
    return {true, reason};
}

std::string_view order_reason_name(OrderReason reason) { return tickets::named(reason_texts, reason).name; }
std::string_view order_reason_label_key(OrderReason reason) { return tickets::named(reason_texts, reason).label_key; }

}  // namespace madoguchi::telemetry
