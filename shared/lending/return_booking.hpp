#pragma once
// 返却予約 (return booking): the borrower says when they will bring a loan back to a counter, so
// the desk has the inspection ready and the counter is not crowded. Slots are half an hour
// from the opening of service hours, each over by closing (08:30–17:30 starts within
// 08:30–18:15), on business days only, and a slot takes a few returns at once. A booking can
// be for any slot not yet begun, before or after the due date (an overdue borrower booking
// is the point of the reminders).
#include <optional>
#include <vector>

#include "calendar/business_calendar.hpp"
#include "validation/field_problem.hpp"

namespace madoguchi::lending {

inline constexpr int return_slot_minutes = 30;
// Returns one counter inspects in a slot: one operator, about seven minutes each.
inline constexpr int return_slot_capacity = 4;

// The starts of the day's slots (Tokyo); none on a closed day.
std::vector<calendar::Instant> return_slots(const calendar::Date& day, const calendar::ServiceHours& hours = {});

// Empty when `slot` starts a slot that has not begun at `now`; otherwise field "slot_at" with
// lending.return_booking.closed_day, .not_a_slot or .in_past.
std::optional<validation::FieldProblem> check_return_slot(calendar::Instant slot, calendar::Instant now,
                                                          const calendar::ServiceHours& hours = {});

}  // namespace madoguchi::lending
