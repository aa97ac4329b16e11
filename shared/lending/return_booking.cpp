#include "lending/return_booking.hpp"

namespace madoguchi::lending {

std::vector<calendar::Instant> return_slots(const calendar::Date& day, const calendar::ServiceHours& hours) {
    std::vector<calendar::Instant> slots;
    if (calendar::is_closed_day(day)) return slots;
    for (int minute = hours.open_minute; minute + return_slot_minutes <= hours.close_minute; minute += return_slot_minutes) {
        slots.push_back(calendar::from_tokyo(day, minute * 60));
    }
    return slots;
}

std::optional<validation::FieldProblem> check_return_slot(calendar::Instant slot, calendar::Instant now,
                                                          const calendar::ServiceHours& hours) {
    const auto tokyo = calendar::to_tokyo(slot);
    if (calendar::is_closed_day(tokyo.date)) return validation::FieldProblem{"slot_at", "lending.return_booking.closed_day"};
    bool found = false;
    for (const auto start : return_slots(tokyo.date, hours)) found = found || start == slot;
    if (!found) return validation::FieldProblem{"slot_at", "lending.return_booking.not_a_slot"};
    if (slot <= now) return validation::FieldProblem{"slot_at", "lending.return_booking.in_past"};
    return std::nullopt;
}

}  // namespace madoguchi::lending
