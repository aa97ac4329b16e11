#include "lending/stock.hpp"

#include <algorithm>

namespace madoguchi::lending {

std::vector<WeekProjection> project_weeks(const Pool& pool, const calendar::Date& today, int weeks) {
    std::vector<WeekProjection> projection;
    if (weeks < 1) return projection;
    const auto last = calendar::add_days(today, 7 * weeks - 1);
    const auto days = availability(pool, today, last);
    for (int week = 0; week < weeks; ++week) {
        const auto first = days.begin() + 7 * week;
        WeekProjection entry{first->date, (first + 6)->date, first->available, 0};
        for (auto day = first; day != first + 7; ++day) {
            entry.lowest = std::min(entry.lowest, day->available);
            entry.returning += day->returning;
        }
        projection.push_back(entry);
    }
    return projection;
}

int available_now(const Pool& pool, const calendar::Date& today) {
    const auto days = availability(pool, today, today);
    return days.empty() ? 0 : days.front().available;
}

std::vector<validation::FieldProblem> validate(const std::vector<Threshold>& thresholds,
                                               bool (*lendable)(const std::string& class_code)) {
    std::vector<validation::FieldProblem> problems;
    for (std::size_t index = 0; index < thresholds.size(); ++index) {
        const auto& threshold = thresholds[index];
        const auto field = [&](const char* name) { return "thresholds[" + std::to_string(index) + "]." + name; };
        if (threshold.class_code.empty()) {
            problems.push_back({field("class"), "field.required"});
        } else if (!lendable(threshold.class_code)) {
            problems.push_back({field("class"), "field.not_lendable_class"});
        }
        if (threshold.location_id && *threshold.location_id < 1) problems.push_back({field("location_id"), "field.not_positive"});
        if (threshold.minimum < 0 || threshold.minimum > threshold_max) {
            problems.push_back({field("minimum"), "field.out_of_range_0_10000"});
        }
        const auto same_pool = [&](const Threshold& other) {
            return other.class_code == threshold.class_code && other.location_id == threshold.location_id;
        };
        const auto begin = thresholds.begin();
        if (std::find_if(begin, begin + static_cast<std::ptrdiff_t>(index), same_pool) != begin + static_cast<std::ptrdiff_t>(index)) {
            problems.push_back({field("class"), "field.repeated_threshold"});
        }
    }
    return problems;
}

AlertStep alert_step(bool alert_open, int available, int minimum) {
    if (!alert_open && available < minimum) return AlertStep::raise;
    if (alert_open && available >= minimum) return AlertStep::recover;
    return AlertStep::none;
}

}  // namespace madoguchi::lending
