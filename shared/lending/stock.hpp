#pragma once
// 安全在庫 (safety stock): how many devices of a pool can be lent now and, week by week, at
// the lowest point of each week, from the availability arithmetic (availability.hpp); the
// thresholds admins set, and when the desk is told that a pool fell below its own.
#include <optional>
#include <string>
#include <vector>

#include "calendar/civil_date.hpp"
#include "lending/availability.hpp"
#include "validation/field_problem.hpp"

namespace madoguchi::lending {

inline constexpr int projection_weeks_max = 26;
inline constexpr int threshold_max = 10000;

struct WeekProjection {
    calendar::Date from;    // today + 7 × week
    calendar::Date until;   // six days later
    int lowest = 0;         // the fewest devices free on any day of the week
    int returning = 0;      // devices expected back during the week (repairs)
};

// Week 0 starts today; `weeks` entries (none when weeks < 1).
std::vector<WeekProjection> project_weeks(const Pool& pool, const calendar::Date& today, int weeks);

// Devices free today.
int available_now(const Pool& pool, const calendar::Date& today);

// A pool's minimum as admins set it: the class as a whole (no location) or one location's.
struct Threshold {
    std::string class_code;
    std::optional<std::int64_t> location_id;
    int minimum = 0;
};

// Problems under "thresholds[i].<field>": class (field.required, field.not_lendable_class
// when `lendable` says no), location_id (field.not_positive), minimum
// (field.out_of_range_0_10000), and field.repeated_threshold for a second entry of a pool.
std::vector<validation::FieldProblem> validate(const std::vector<Threshold>& thresholds,
                                               bool (*lendable)(const std::string& class_code));

// What the periodic check does for one pool: raise the alert when it falls below its
// minimum and none is open, close it once the pool is back at the minimum; otherwise nothing
// (so the desk is told once per fall).
enum class AlertStep { none, raise, recover };
AlertStep alert_step(bool alert_open, int available, int minimum);

}  // namespace madoguchi::lending
