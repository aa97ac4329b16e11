#include "calendar/business_calendar.hpp"

#include <algorithm>
#include <vector>

#include "calendar/floor_division.hpp"
#include "calendar/holidays.hpp"

namespace madoguchi::calendar {

namespace {

constexpr std::int64_t seconds_per_day = 86400;

bool is_year_end_closure(const Date& date) {
    return (date.month == 12 && date.day >= 29) || (date.month == 1 && date.day <= 3);
}

// A running count of business days over the supported range: spans of years are then
// counted by one subtraction and the n-th business day found by binary search.
class BusinessDayIndex {
public:
    BusinessDayIndex()
        : first_day_(days_from_civil(first_supported_date)),
          day_count_(days_from_civil(last_supported_date) - first_day_ + 1) {
        business_days_before_.reserve(day_count_ + 1);
        business_days_before_.push_back(0);
        for (std::int64_t i = 0; i < day_count_; ++i) {
            const bool business = is_business_day(civil_from_days(first_day_ + i));
            business_days_before_.push_back(business_days_before_.back() + (business ? 1 : 0));
        }
    }

    std::int64_t total() const { return business_days_before_.back(); }

    // Business days in the supported range before `day` (days since 1970-01-01).
    std::int64_t count_before(std::int64_t day) const {
        return business_days_before_[std::clamp<std::int64_t>(day - first_day_, 0, day_count_)];
    }

    bool is_business(std::int64_t day) const { return count_before(day + 1) > count_before(day); }

    // The business day preceded by `ordinal` (0-based) business days; empty past the range.
    std::optional<std::int64_t> nth_business_day(std::int64_t ordinal) const {
        if (ordinal < 0 || ordinal >= total()) return std::nullopt;
        const auto after = std::lower_bound(business_days_before_.begin(),
                                            business_days_before_.end(), ordinal + 1);
        return first_day_ + (after - business_days_before_.begin()) - 1;
    }

    std::optional<std::int64_t> first_business_day_from(std::int64_t day) const {
        return nth_business_day(count_before(day));
    }

private:
    std::int64_t first_day_;
    std::int64_t day_count_;
    std::vector<std::int32_t> business_days_before_;
};

const BusinessDayIndex& business_day_index() {
    static const BusinessDayIndex index;
    return index;
}

// Tokyo time as a day number rather than a civil date, the form the day index is keyed by.
struct TokyoClock {
    std::int64_t day = 0;     // days since 1970-01-01, Tokyo calendar
    std::int64_t second = 0;  // 0..86399 into that day
};

TokyoClock tokyo_clock(Instant instant) {
    const auto local_seconds = instant.unix_seconds + tokyo_offset_seconds;
    const auto day = floor_div(local_seconds, seconds_per_day);
    return {day, local_seconds - day * seconds_per_day};
}

Instant at_tokyo(std::int64_t day, std::int64_t second) {
    return Instant{day * seconds_per_day + second - tokyo_offset_seconds};
}

// The service window in seconds of the Tokyo day, kept inside the day and never negative
// so a misconfigured ServiceHours yields a desk that never opens rather than a bad result.
struct Window {
    std::int64_t open = 0;
    std::int64_t close = 0;
    std::int64_t length() const { return close - open; }
};

Window window_of(const ServiceHours& hours) {
    const std::int64_t open = std::clamp(hours.open_minute, 0, 24 * 60) * 60LL;
    const std::int64_t close =
        std::clamp<std::int64_t>(hours.close_minute * 60LL, open, seconds_per_day);
    return {open, close};
}

// Business seconds from the start of the supported range up to `instant`: the measure
// every span and deadline is computed in.
std::int64_t business_seconds_before(const Window& window, Instant instant) {
    const auto& index = business_day_index();
    const auto clock = tokyo_clock(instant);
    const auto into_today =
        index.is_business(clock.day)
            ? std::clamp<std::int64_t>(clock.second - window.open, 0, window.length())
            : 0;
    return index.count_before(clock.day) * window.length() + into_today;
}

}  // namespace

bool is_closed_day(const Date& date) {
    const auto weekday = weekday_of(date);
    return weekday == Weekday::saturday || weekday == Weekday::sunday ||
           is_year_end_closure(date) || holiday_on(date).has_value();
}

BusinessCalendar::BusinessCalendar(ServiceHours hours) : hours_(hours) {}

bool BusinessCalendar::is_open(Instant instant) const {
    const auto window = window_of(hours_);
    const auto clock = tokyo_clock(instant);
    return business_day_index().is_business(clock.day) && window.open <= clock.second &&
           clock.second < window.close;
}

DeskStatus BusinessCalendar::status_at(Instant instant) const {
    if (is_open(instant)) {
        return {true, at_tokyo(tokyo_clock(instant).day, window_of(hours_).close)};
    }
    const auto end_of_calendar = from_tokyo(add_days(last_supported_date, 1), 0);
    return {false, next_opening_at_or_after(instant).value_or(end_of_calendar)};
}

std::optional<Instant> BusinessCalendar::next_opening_at_or_after(Instant instant) const {
    const auto window = window_of(hours_);
    if (window.length() <= 0) return std::nullopt;
    const auto& index = business_day_index();
    const auto clock = tokyo_clock(instant);
    if (index.is_business(clock.day) && clock.second < window.close) {
        return clock.second >= window.open ? instant : at_tokyo(clock.day, window.open);
    }
    const auto next_day = index.first_business_day_from(clock.day + 1);
    if (!next_day) return std::nullopt;
    return at_tokyo(*next_day, window.open);
}

std::int64_t BusinessCalendar::business_minutes_between(Instant from, Instant to) const {
    if (to <= from) return 0;
    const auto window = window_of(hours_);
    return (business_seconds_before(window, to) - business_seconds_before(window, from)) / 60;
}

std::optional<Instant> BusinessCalendar::add_business_minutes(Instant start,
                                                              std::int64_t minutes) const {
    if (minutes < 0) return std::nullopt;
    if (minutes == 0) return next_opening_at_or_after(start);
    const auto window = window_of(hours_);
    if (window.length() <= 0) return std::nullopt;

    const auto& index = business_day_index();
    const auto elapsed = business_seconds_before(window, start);
    const auto remaining_in_calendar = index.total() * window.length() - elapsed;
    // Compared before multiplying so that a huge request cannot overflow.
    if (minutes > remaining_in_calendar / 60) return std::nullopt;

    // The target is reached inside some business day, at most at its closing time: a due
    // time exactly at closing stays on that day instead of moving to the next opening.
    const auto target = elapsed + minutes * 60;
    const auto full_days_before = (target - 1) / window.length();
    const auto into_day = target - full_days_before * window.length();
    const auto day = index.nth_business_day(full_days_before);
    if (!day) return std::nullopt;
    return at_tokyo(*day, window.open + into_day);
}

}  // namespace madoguchi::calendar
