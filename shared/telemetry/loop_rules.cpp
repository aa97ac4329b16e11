#include "telemetry/loop_rules.hpp"

#include <cmath>

namespace madoguchi::telemetry {

std::vector<validation::FieldProblem> validate(const LoopRules& rules) {
    std::vector<validation::FieldProblem> problems;
    if (rules.offline_cycles < 1 || rules.offline_cycles > max_offline_cycles) {
        problems.push_back({"offline_cycles", "field.out_of_range_1_100"});
    }
    // 0 orders on the level threshold alone.
    if (!std::isfinite(rules.order.lead_time_days) || rules.order.lead_time_days < 0 ||
        rules.order.lead_time_days > max_lead_time_days) {
        problems.push_back({"lead_time_days", "field.out_of_range_0_60"});
    }
    if (rules.order.order_at_percent < 0 || rules.order.order_at_percent > 100) {
        problems.push_back({"order_at_percent", "field.out_of_range_0_100"});
    }
    if (rules.forecast.replacement_rise < min_replacement_rise || rules.forecast.replacement_rise > 100) {
        problems.push_back({"replacement_rise", "field.out_of_range_5_100"});
    }
    const bool window_valid =
        rules.forecast.window_days >= min_window_days && rules.forecast.window_days <= max_window_days;
    if (!window_valid) problems.push_back({"window_days", "field.out_of_range_3_365"});
    if (rules.forecast.min_days < min_rate_days) {
        problems.push_back({"min_days", "field.out_of_range_2_window"});
    } else if (window_valid && rules.forecast.min_days > rules.forecast.window_days) {
        problems.push_back({"min_days", "field.out_of_range_2_window"});
    }
    return problems;
}

}  // namespace madoguchi::telemetry
