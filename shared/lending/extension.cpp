#include "lending/extension.hpp"

#include <algorithm>

#include "calendar/business_calendar.hpp"
#include "lending/loan_request.hpp"

namespace madoguchi::lending {
namespace {

using calendar::Date;

// The first day another reservation holds the device after the current due date.
std::optional<Date> next_reserved_day(const ExtensionRequest& request, std::span<const DeviceReservation> reservations) {
    std::optional<Date> first;
    for (const auto& reservation : reservations) {
        if (reservation.due <= request.current_due) continue;
        const auto held_from = std::max(reservation.start, calendar::add_days(request.current_due, 1));
        if (!first || held_from < *first) first = held_from;
    }
    return first;
}

std::optional<Date> latest_acceptable(const ExtensionRequest& request, const DueDateLimits& limits,
                                      std::optional<Date> reserved_from, const Date& today) {
    auto latest = calendar::add_days(request.loan_start, limits.max_period_days - 1);
    if (reserved_from) latest = std::min(latest, calendar::add_days(*reserved_from, -1));
    const auto earliest = std::max(calendar::add_days(request.current_due, 1), today);
    while (latest >= earliest && !limits.closed_day_allowed && calendar::is_closed_day(latest)) {
        latest = calendar::add_days(latest, -1);
    }
    if (latest < earliest) return std::nullopt;
    return latest;
}

std::optional<std::string> refusal_reason(const ExtensionRequest& request, const DueDateLimits& limits,
                                          std::optional<Date> reserved_from, const Date& today) {
    const auto& due = request.new_due;
    if (due <= request.current_due) return "lending.extension.not_later";
    if (due < today) return "lending.extension.in_past";
    if (!limits.closed_day_allowed && calendar::is_closed_day(due)) return "lending.extension.closed_day";
    if (loan_days(request.loan_start, due) > limits.max_period_days) {
        return "lending.extension.beyond_max_period";
    }
    if (reserved_from && *reserved_from <= due) return "lending.extension.reserved";
    return std::nullopt;
}

}  // namespace

ExtensionCheck check_extension(const ExtensionRequest& request, const DueDateLimits& limits,
                               std::span<const DeviceReservation> reservations, const Date& today) {
    const auto reserved_from = next_reserved_day(request, reservations);
    auto reason = refusal_reason(request, limits, reserved_from, today);
    if (!reason) return {};
    return {validation::FieldProblem{"new_due", std::move(*reason)},
            latest_acceptable(request, limits, reserved_from, today)};
}

}  // namespace madoguchi::lending
