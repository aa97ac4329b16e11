#pragma once
// Trend input for the periodic report (運用改善): what came in over a period of Tokyo dates,
// counted by kind, category, device class, division and ISO week; the categories that keep
// coming back; time to first response and to resolution in business minutes; and the
// security incidents received, closed and open per month (情報セキュリティ管理).
//
// Business minutes come from compute_sla_clock (tickets/sla_clock.hpp), so a trend figure
// and the SLA badge of the same ticket always agree: the same calendar, the same hours (desk
// or vendor), the same pauses while waiting for the requester.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "calendar/civil_date.hpp"
#include "calendar/tokyo_time.hpp"
#include "tickets/sla_clock.hpp"
#include "tickets/sla_policy.hpp"
#include "tickets/ticket_kind.hpp"

namespace madoguchi::tickets {

// One ticket as the trends read it.
struct TrendTicket {
    TicketKind kind = TicketKind::inquiry;
    TicketState state = TicketState::received;  // now
    std::string category;
    // The class of its first linked device; empty when it has none (the category then names
    // the class when it is a class code).
    std::string device_class;
    std::string division_code;
    calendar::Instant created_at;
    std::vector<StateChange> changes;  // in time order
    std::optional<calendar::Instant> first_response_at;
    SlaHours hours;  // as for its SLA clock
};

// Tokyo dates, both included.
struct TrendPeriod {
    calendar::Date from;
    calendar::Date to;
};

inline constexpr int max_trend_days = 731;  // two years, one of them a leap year

enum class TrendRangeProblem { none, reversed, too_long };
TrendRangeProblem check_trend_period(const TrendPeriod& period);

// [from 00:00 Tokyo, the day after `to` 00:00 Tokyo) as UTC instants.
calendar::Instant period_start(const TrendPeriod& period);
calendar::Instant period_end(const TrendPeriod& period);

// "2026-W48": the ISO 8601 week (Monday first; week 1 holds the year's first Thursday).
std::string iso_week_of(const calendar::Date& date);

struct TrendCount {
    std::string key;  // empty: none (a ticket with no device class)
    std::int64_t count = 0;
};

struct RecurringCategory {
    std::string category;
    std::string device_class;  // empty: no device class
    std::int64_t count = 0;
};

// Business minutes per kind over the tickets whose clock completed. The percentiles are
// nearest-rank: the smallest sample with at least p of the samples at or below it (the
// median of 4 samples is the 2nd smallest).
struct DurationStats {
    TicketKind kind = TicketKind::inquiry;
    std::int64_t samples = 0;
    std::optional<std::int64_t> median_minutes;  // empty without samples
    std::optional<std::int64_t> p90_minutes;
};

// One calendar month of the period, clipped to it (and "open" to now for a month not over).
struct SecurityMonth {
    std::string month;  // "2026-11"
    std::int64_t received = 0;  // reported within the month
    std::int64_t closed = 0;    // reached their workflow's end within the month
    std::int64_t open = 0;      // reported by the month's end (or now) and not ended by then
};

struct TicketTrends {
    TrendPeriod period;
    std::int64_t total = 0;  // tickets created within the period
    std::vector<TrendCount> by_kind;          // every kind, in kind order
    std::vector<TrendCount> by_category;      // most first, then by key
    std::vector<TrendCount> by_device_class;  // most first, then by key; "" last
    std::vector<TrendCount> by_division;      // most first, then by key
    std::vector<TrendCount> by_week;          // every ISO week the period touches, in order
    std::vector<RecurringCategory> recurring; // at most max_recurring, seen twice or more
    std::vector<DurationStats> first_response;  // every kind, in kind order
    std::vector<DurationStats> resolution;      // resolved, not cancelled; every kind
    std::vector<SecurityMonth> security_incidents;  // every month the period touches
};

inline constexpr std::size_t max_recurring = 10;

// `tickets`: those created within the period, and security incidents created before its
// end (earlier ones still count as open, or as closed within it). Others are ignored.
TicketTrends compute_trends(std::span<const TrendTicket> tickets, const TrendPeriod& period, calendar::Instant now);

// The nearest-rank percentile (1–100) of samples in any order; empty without samples.
std::optional<std::int64_t> nearest_rank(std::vector<std::int64_t> samples, int percent);

// {"from","to","total","by_kind":[{"key","count"}…],…,"recurring_categories":[…],
//  "first_response":[{"kind","samples","median_minutes","p90_minutes"}…],"resolution":[…],
//  "security_incidents":[{"month","received","closed","open"}…]}; an empty key is null.
nlohmann::json to_json(const TicketTrends& trends);

}  // namespace madoguchi::tickets
