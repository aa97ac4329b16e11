#pragma once
// The desk's business calendar: closed days per 行政機関の休日に関する法律 §1(1)
// (Saturdays, Sundays, national holidays, 12/29-1/3) and the service-hours window.
// SLA clocks count business minutes: minutes inside the window on business days.
// The desk is never open outside the supported holiday range (1955-2099), whose holidays
// are unknown, so arithmetic stops at its edges instead of guessing.
#include <cstdint>
#include <optional>

#include "calendar/civil_date.hpp"
#include "calendar/tokyo_time.hpp"

namespace madoguchi::calendar {

bool is_closed_day(const Date& date);
inline bool is_business_day(const Date& date) { return !is_closed_day(date); }

struct ServiceHours {
    int open_minute = 8 * 60 + 30;    // 08:30 Tokyo
    int close_minute = 18 * 60 + 15;  // 18:15 Tokyo
    int minutes_per_day() const { return close_minute - open_minute; }
};

struct DeskStatus {
    bool open = false;
    // Next closing when open, next opening when closed; when no opening is left in the
    // supported range, the end of that range (2100-01-01T00:00:00+09:00).
    Instant next_change;
};

class BusinessCalendar {
public:
    // Hours are clamped into the day; a window with close <= open never opens.
    explicit BusinessCalendar(ServiceHours hours = {});

    const ServiceHours& hours() const { return hours_; }
    bool is_open(Instant instant) const;
    DeskStatus status_at(Instant instant) const;

    // The first instant at or after `instant` that is inside service hours.
    std::optional<Instant> next_opening_at_or_after(Instant instant) const;
    // Whole business minutes in [from, to); 0 when to <= from.
    std::int64_t business_minutes_between(Instant from, Instant to) const;
    // The instant `minutes` business minutes after `start`; a start outside service hours
    // counts from the next opening. A due time exactly at closing stays on that day.
    // Empty when minutes < 0 or the result would leave the supported calendar range.
    std::optional<Instant> add_business_minutes(Instant start, std::int64_t minutes) const;

private:
    ServiceHours hours_;
};

}  // namespace madoguchi::calendar
