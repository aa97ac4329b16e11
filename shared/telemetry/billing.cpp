#include "telemetry/billing.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <tuple>

#include "calendar/tokyo_time.hpp"
#include "tickets/named_values.hpp"

namespace madoguchi::telemetry {

namespace {

constexpr std::array<tickets::Named<PaceStatus>, 3> pace_texts{{
    {PaceStatus::under, "under", "telemetry.pace.under"},
    {PaceStatus::on_pace, "on_pace", "telemetry.pace.on_pace"},
    {PaceStatus::over, "over", "telemetry.pace.over"},
}};
static_assert(tickets::in_enum_order(pace_texts));

Month month_of(calendar::Instant at) {
    const auto date = calendar::to_tokyo(at).date;
    return {date.year, date.month};
}

calendar::Date one_year_after(const calendar::Date& date) {
    const int year = date.year + 1;
    return {year, date.month, std::min(date.day, calendar::days_in_month(year, date.month))};
}

// Calls `counted(sample, delta)` for each readable delta between a sample and the last
// readable one before it; negative values and samples out of order are noted and stepped over.
template <typename Counted>
void walk_deltas(std::span<const CounterSample> samples, const CounterRules& rules, std::vector<Oddity>& oddities,
                 Counted counted) {
    const CounterSample* last = nullptr;
    for (const auto& sample : samples) {
        if (!sample.value) continue;
        if (*sample.value < 0) {
            note(oddities, Oddity::counter_negative);
            continue;
        }
        if (!last) {
            last = &sample;
            continue;
        }
        const auto delta = counter_delta(*last, sample, rules);
        for (const auto oddity : delta.oddities) note(oddities, oddity);
        if (delta.change == CounterChange::unreadable) continue;  // out of order: keep the last
        counted(sample, delta);
        last = &sample;
    }
}

}  // namespace

DeviceBilling monthly_pages(std::span<const CounterSample> samples, const CounterRules& rules) {
    DeviceBilling billing;
    std::map<Month, std::int64_t> pages;
    walk_deltas(samples, rules, billing.oddities, [&](const CounterSample& sample, const CounterDelta& delta) {
        if (delta.change == CounterChange::reset || delta.change == CounterChange::jump) ++billing.resets;
        if (delta.pages > 0) pages[month_of(sample.at)] += delta.pages;
    });
    for (const auto& [month, count] : pages) billing.months.push_back({month, count});
    return billing;
}

std::vector<DailyPages> daily_pages(std::span<const CounterSample> samples, const CounterRules& rules) {
    std::map<std::int64_t, DailyPages> days;
    std::vector<Oddity> oddities;  // the anomaly check reads resets from the days themselves
    walk_deltas(samples, rules, oddities, [&](const CounterSample& sample, const CounterDelta& delta) {
        const auto date = calendar::to_tokyo(sample.at).date;
        auto& day = days[calendar::days_from_civil(date)];
        day.day = date;
        day.pages += delta.pages;
        if (delta.change == CounterChange::reset || delta.change == CounterChange::jump) day.reset = true;
    });
    std::vector<DailyPages> out;
    out.reserve(days.size());
    for (auto& [number, day] : days) out.push_back(day);
    return out;
}

std::vector<DivisionPages> totals_by_division(std::span<const DevicePages> rows) {
    std::map<std::tuple<std::string, Month>, DivisionPages> totals;
    for (const auto& row : rows) {
        auto& total = totals[{row.division, row.month}];
        total.division = row.division;
        total.month = row.month;
        total.pages += row.pages;
        ++total.devices;
    }
    std::vector<DivisionPages> out;
    out.reserve(totals.size());
    for (auto& [key, total] : totals) out.push_back(std::move(total));
    return out;
}

ContractPace contract_pace(std::int64_t pages, const calendar::Date& year_start, const calendar::Date& today,
                           std::int64_t contract_pages, double tolerance) {
    const auto start_day = calendar::days_from_civil(year_start);
    auto year_days = static_cast<double>(calendar::days_from_civil(one_year_after(year_start)) - start_day);
    if (year_days < 1) year_days = 365;  // a start date that is no date
    const auto elapsed = std::clamp(static_cast<double>(calendar::days_from_civil(today) - start_day + 1), 1.0, year_days);
    ContractPace pace;
    pace.pages = pages;
    pace.expected_by_now = static_cast<double>(contract_pages) * elapsed / year_days;
    pace.projected_year = static_cast<double>(pages) * year_days / elapsed;
    pace.ratio = pace.expected_by_now > 0 ? static_cast<double>(pages) / pace.expected_by_now : 0;
    if (pace.ratio < 1 - tolerance) pace.status = PaceStatus::under;
    else if (pace.ratio > 1 + tolerance) pace.status = PaceStatus::over;
    return pace;
}

std::string_view pace_status_name(PaceStatus status) { return tickets::named(pace_texts, status).name; }
std::string_view pace_status_label_key(PaceStatus status) { return tickets::named(pace_texts, status).label_key; }

}  // namespace madoguchi::telemetry
