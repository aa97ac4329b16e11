#include "tickets/ticket_trends.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <utility>

#include "inventory/device_class.hpp"
#include "tickets/workflow.hpp"

namespace madoguchi::tickets {
namespace {

using calendar::Date;
using calendar::Instant;

bool within(Instant at, Instant start, Instant end) { return start <= at && at < end; }

// The instant the ticket reached a state its workflow never leaves.
std::optional<Instant> ended_at(const TrendTicket& ticket) {
    for (const auto& change : ticket.changes) {
        if (is_terminal(ticket.kind, change.to)) return change.at;
    }
    return std::nullopt;
}

std::string device_class_of(const TrendTicket& ticket) {
    if (!ticket.device_class.empty()) return ticket.device_class;
    if (inventory::find_device_class(ticket.category)) return ticket.category;
    return {};
}

// Most first, then by key; the empty key (none) last.
std::vector<TrendCount> ranked(const std::map<std::string, std::int64_t>& counts) {
    std::vector<TrendCount> out;
    for (const auto& [key, count] : counts) out.push_back({key, count});
    std::stable_sort(out.begin(), out.end(), [](const TrendCount& a, const TrendCount& b) {
        if (a.key.empty() != b.key.empty()) return b.key.empty();
        return a.count > b.count;
    });
    return out;
}

std::vector<std::string> weeks_of(const TrendPeriod& period) {
    std::vector<std::string> weeks;
    for (auto day = period.from; day <= period.to; day = calendar::add_days(day, 1)) {
        auto week = iso_week_of(day);
        if (weeks.empty() || weeks.back() != week) weeks.push_back(std::move(week));
    }
    return weeks;
}

std::vector<RecurringCategory> recurring_of(const std::map<std::pair<std::string, std::string>, std::int64_t>& pairs) {
    std::vector<RecurringCategory> out;
    for (const auto& [key, count] : pairs) {
        if (count >= 2) out.push_back({key.first, key.second, count});
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const RecurringCategory& a, const RecurringCategory& b) { return a.count > b.count; });
    if (out.size() > max_recurring) out.resize(max_recurring);
    return out;
}

DurationStats stats_of(TicketKind kind, const std::vector<std::int64_t>& samples) {
    return {kind, static_cast<std::int64_t>(samples.size()), nearest_rank(samples, 50), nearest_rank(samples, 90)};
}

std::string month_name(const Date& date) {
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02d", date.year, date.month);
    return text;
}

std::vector<SecurityMonth> security_months(std::span<const TrendTicket> tickets, const TrendPeriod& period,
                                           Instant now) {
    std::vector<std::pair<Instant, std::optional<Instant>>> incidents;  // reported, ended
    for (const auto& ticket : tickets) {
        if (ticket.kind == TicketKind::security_incident) incidents.emplace_back(ticket.created_at, ended_at(ticket));
    }
    std::vector<SecurityMonth> months;
    for (Date first{period.from.year, period.from.month, 1}; first <= period.to;
         first = calendar::add_days(first, calendar::days_in_month(first.year, first.month))) {
        const auto last = Date{first.year, first.month, calendar::days_in_month(first.year, first.month)};
        const auto start = period_start({std::max(first, period.from), period.to});
        const auto end = period_end({period.from, std::min(last, period.to)});
        SecurityMonth month{month_name(first)};
        // Instants are whole seconds: what happened within the current second has happened.
        const auto as_of = std::min(end, Instant{now.unix_seconds + 1});
        for (const auto& [reported, ended] : incidents) {
            if (within(reported, start, end)) ++month.received;
            if (ended && within(*ended, start, end)) ++month.closed;
            if (start <= now && reported < as_of && (!ended || *ended >= as_of)) ++month.open;
        }
        months.push_back(std::move(month));
    }
    return months;
}

nlohmann::json key_json(const std::string& key) { return key.empty() ? nlohmann::json(nullptr) : nlohmann::json(key); }

nlohmann::json minutes_json(const std::optional<std::int64_t>& minutes) {
    return minutes ? nlohmann::json(*minutes) : nlohmann::json(nullptr);
}

nlohmann::json counts_json(const std::vector<TrendCount>& counts) {
    auto out = nlohmann::json::array();
    for (const auto& count : counts) out.push_back({{"key", key_json(count.key)}, {"count", count.count}});
    return out;
}

nlohmann::json durations_json(const std::vector<DurationStats>& durations) {
    auto out = nlohmann::json::array();
    for (const auto& d : durations) {
        out.push_back({{"kind", kind_name(d.kind)},
                       {"samples", d.samples},
                       {"median_minutes", minutes_json(d.median_minutes)},
                       {"p90_minutes", minutes_json(d.p90_minutes)}});
    }
    return out;
}

}  // namespace

TrendRangeProblem check_trend_period(const TrendPeriod& period) {
    if (period.to < period.from) return TrendRangeProblem::reversed;
    const auto days = calendar::days_from_civil(period.to) - calendar::days_from_civil(period.from) + 1;
    return days > max_trend_days ? TrendRangeProblem::too_long : TrendRangeProblem::none;
}

Instant period_start(const TrendPeriod& period) { return calendar::from_tokyo(period.from, 0); }
Instant period_end(const TrendPeriod& period) { return calendar::from_tokyo(calendar::add_days(period.to, 1), 0); }

std::string iso_week_of(const Date& date) {
    // The week belongs to the year of its Thursday.
    const int weekday = (static_cast<int>(calendar::weekday_of(date)) + 6) % 7;  // Monday 0 … Sunday 6
    const auto thursday = calendar::add_days(date, 3 - weekday);
    const auto day_of_year = calendar::days_from_civil(thursday) - calendar::days_from_civil({thursday.year, 1, 1});
    char text[16];
    std::snprintf(text, sizeof text, "%04d-W%02d", thursday.year, static_cast<int>(day_of_year / 7 + 1));
    return text;
}

std::optional<std::int64_t> nearest_rank(std::vector<std::int64_t> samples, int percent) {
    if (samples.empty()) return std::nullopt;
    std::sort(samples.begin(), samples.end());
    // In whole numbers: a floating 0.9 × 10 may round up past 9.
    const auto rank = (static_cast<std::size_t>(percent) * samples.size() + 99) / 100;
    return samples[std::clamp<std::size_t>(rank, 1, samples.size()) - 1];
}

TicketTrends compute_trends(std::span<const TrendTicket> tickets, const TrendPeriod& period, Instant now) {
    TicketTrends trends;
    trends.period = period;
    const auto start = period_start(period);
    const auto end = period_end(period);
    std::map<std::string, std::int64_t> kinds, categories, classes, divisions, weeks;
    std::map<std::pair<std::string, std::string>, std::int64_t> pairs;
    std::map<TicketKind, std::vector<std::int64_t>> responses, resolutions;
    for (const auto& ticket : tickets) {
        if (!within(ticket.created_at, start, end)) continue;
        ++trends.total;
        const auto device_class = device_class_of(ticket);
        ++kinds[std::string(kind_name(ticket.kind))];
        ++categories[ticket.category];
        ++classes[device_class];
        ++divisions[ticket.division_code];
        ++weeks[iso_week_of(calendar::to_tokyo(ticket.created_at).date)];
        ++pairs[{ticket.category, device_class}];
        const TicketTimeline timeline{ticket.kind, ticket.created_at, ticket.changes, ticket.first_response_at};
        const auto clock = compute_sla_clock(timeline, {SlaTargets{}, ticket.hours}, now);
        if (clock.first_response.completed_at) responses[ticket.kind].push_back(clock.first_response.elapsed_minutes);
        if (clock.resolution.completed_at && ticket.state != TicketState::cancelled) {
            resolutions[ticket.kind].push_back(clock.resolution.elapsed_minutes);
        }
    }
    for (const auto kind : ticket_kinds()) {
        const auto name = std::string(kind_name(kind));
        trends.by_kind.push_back({name, kinds.contains(name) ? kinds[name] : 0});
        trends.first_response.push_back(stats_of(kind, responses[kind]));
        trends.resolution.push_back(stats_of(kind, resolutions[kind]));
    }
    trends.by_category = ranked(categories);
    trends.by_device_class = ranked(classes);
    trends.by_division = ranked(divisions);
    for (auto& week : weeks_of(period)) {
        const auto count = weeks.contains(week) ? weeks[week] : 0;
        trends.by_week.push_back({std::move(week), count});
    }
    trends.recurring = recurring_of(pairs);
    trends.security_incidents = security_months(tickets, period, now);
    return trends;
}

nlohmann::json to_json(const TicketTrends& trends) {
    auto recurring = nlohmann::json::array();
    for (const auto& r : trends.recurring) {
        recurring.push_back({{"category", r.category}, {"device_class", key_json(r.device_class)}, {"count", r.count}});
    }
    auto security = nlohmann::json::array();
    for (const auto& m : trends.security_incidents) {
        security.push_back({{"month", m.month}, {"received", m.received}, {"closed", m.closed}, {"open", m.open}});
    }
    return {{"from", calendar::format_date(trends.period.from)},
            {"to", calendar::format_date(trends.period.to)},
            {"total", trends.total},
            {"by_kind", counts_json(trends.by_kind)},
            {"by_category", counts_json(trends.by_category)},
            {"by_device_class", counts_json(trends.by_device_class)},
            {"by_division", counts_json(trends.by_division)},
            {"by_week", counts_json(trends.by_week)},
            {"recurring_categories", recurring},
            {"first_response", durations_json(trends.first_response)},
            {"resolution", durations_json(trends.resolution)},
            {"security_incidents", security}};
}

}  // namespace madoguchi::tickets
