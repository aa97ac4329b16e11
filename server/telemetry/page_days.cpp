#include "telemetry/page_days.hpp"

#include <algorithm>
#include <optional>

#include "telemetry/billing.hpp"
#include "telemetry/counter_samples.hpp"
#include "telemetry/model_speed_store.hpp"

namespace madoguchi::server::telemetry {
namespace {

namespace domain = madoguchi::telemetry;

using Limits = std::map<std::int64_t, std::int64_t>;

struct PageDay {
    std::int64_t day = 0;  // calendar::days_from_civil of the Tokyo day
    std::int64_t pages = 0;
    bool reset = false;  // the counter went backwards or jumped that day: not billed, to review
};

struct Kept {
    std::int64_t first = 0;
    std::int64_t last = -1;  // last < first: nothing kept
    std::int64_t max_pages_per_hour = 0;
};

calendar::Instant start_of(std::int64_t day) { return calendar::from_tokyo(calendar::civil_from_days(day), 0); }

// Walks one device's days [first, last] inside one fiscal year from its samples: the samples of
// those days and, as the first baseline, its last readable sample before them if that is no
// older than the year's baseline limit — exactly what walking the whole year's window gives.
store::Result<std::vector<PageDay>> walk_year(store::Database& database, std::int64_t device, std::int64_t first,
                                              std::int64_t last, const domain::CounterRules& rules) {
    const auto window_start =
        calendar::from_tokyo(calendar::add_days(fiscal_year_start(calendar::civil_from_days(first)), -billing_baseline_days), 0);
    auto baseline = last_readable_counter(database, device, window_start, start_of(first));
    if (!baseline) return store::Error{baseline.error()};
    auto samples = device_counters(database, device, baseline.value() ? baseline.value()->at : start_of(first),
                                   start_of(last + 1));
    if (!samples) return store::Error{samples.error()};
    std::vector<PageDay> days;
    for (const auto& day : domain::daily_pages(samples.value(), rules)) {
        days.push_back({calendar::days_from_civil(day.day), day.pages, day.reset});
    }
    return days;
}

// The device's days [first, last] walked from its samples, a fiscal year at a time.
store::Result<std::vector<PageDay>> walk_days(store::Database& database, std::int64_t device, std::int64_t first,
                                              std::int64_t last, const domain::CounterRules& rules) {
    std::vector<PageDay> days;
    while (first <= last) {
        const auto year_start = fiscal_year_start(calendar::civil_from_days(first));
        const auto next_year = calendar::days_from_civil({year_start.year + 1, 4, 1});
        const auto until = std::min(last, next_year - 1);
        auto walked = walk_year(database, device, first, until, rules);
        if (!walked) return store::Error{walked.error()};
        days.insert(days.end(), walked.value().begin(), walked.value().end());
        first = until + 1;
    }
    return days;
}

store::Result<std::map<std::int64_t, Kept>> kept_ranges(store::Database& database) {
    auto query = database.prepare("SELECT device_id, first_day, last_day, max_pages_per_hour FROM telemetry_page_days_kept");
    if (!query) return store::Error{query.error()};
    std::map<std::int64_t, Kept> kept;
    for (;;) {
        auto row = query.value().step();
        if (!row) return store::Error{row.error()};
        if (!row.value()) break;
        auto& q = query.value();
        kept[q.column_int(0)] = {q.column_int(1), q.column_int(2), q.column_int(3)};
    }
    return kept;
}

// What a bill and the fill both start from: the devices with counter samples, each one's
// rated page limit, and the days kept for it.
struct Inputs {
    std::vector<std::int64_t> devices;
    Limits limits;
    std::map<std::int64_t, Kept> kept;
};

store::Result<Inputs> read_inputs(store::Database& database) {
    auto devices = devices_with_counters(database);
    if (!devices) return store::Error{devices.error()};
    auto limits = device_page_limits(database);
    if (!limits) return store::Error{limits.error()};
    auto kept = kept_ranges(database);
    if (!kept) return store::Error{kept.error()};
    return Inputs{std::move(devices.value()), std::move(limits.value()), std::move(kept.value())};
}

domain::CounterRules rules_for(const Limits& limits, std::int64_t device) {
    domain::CounterRules rules;
    rules.max_pages_per_hour = max_pages_per_hour(limits, device);
    return rules;
}

}  // namespace

calendar::Date fiscal_year_start(const calendar::Date& day) { return {day.month >= 4 ? day.year : day.year - 1, 4, 1}; }

store::Result<std::map<std::int64_t, std::vector<PageTotal>>> page_totals(store::Database& database,
                                                                        const std::vector<DaySpan>& spans) {
    auto inputs = read_inputs(database);
    if (!inputs) return store::Error{inputs.error()};
    const auto& [devices, limits, kept] = inputs.value();
    std::map<std::int64_t, std::vector<PageTotal>> totals;
    std::optional<DaySpan> whole;
    for (const auto& span : spans) {
        if (span.first > span.last) continue;
        whole = whole ? DaySpan{whole->first, span.last} : span;
    }
    // The days kept at the speed in force now are used; a device kept at another is walked.
    const auto usable = [&](std::int64_t device) {
        const auto range = kept.find(device);
        return range != kept.end() && range->second.first <= range->second.last &&
               range->second.max_pages_per_hour == max_pages_per_hour(limits, device);
    };
    for (const auto device : devices) totals[device].resize(spans.size());
    if (!whole) return totals;

    // CROSS JOIN keeps the kept ranges outside: one primary-key range per device, where the
    // planner left alone (no statistics) reads every kept day for each span.
    auto sums = database.prepare(
        "SELECT k.device_id, sum(p.pages), sum(p.reset), count(*) FROM telemetry_page_days_kept k "
        "CROSS JOIN telemetry_page_days p ON p.device_id = k.device_id AND p.day >= max(k.first_day, ?1) "
        "AND p.day <= min(k.last_day, ?2) GROUP BY k.device_id");
    if (!sums) return store::Error{sums.error()};
    for (std::size_t index = 0; index < spans.size(); ++index) {
        if (spans[index].first > spans[index].last) continue;
        sums.value().reset().bind(1, spans[index].first).bind(2, spans[index].last);
        for (;;) {
            auto row = sums.value().step();
            if (!row) return store::Error{row.error()};
            if (!row.value()) break;
            auto& q = sums.value();
            const auto device = q.column_int(0);
            const auto found = totals.find(device);
            if (found == totals.end() || !usable(device)) continue;
            found->second[index] = {q.column_int(1), static_cast<int>(q.column_int(2)), static_cast<int>(q.column_int(3))};
        }
    }
    for (auto& [device, device_totals] : totals) {
        const auto rules = rules_for(limits, device);
        // The parts of the spans the kept days do not cover, walked from the samples.
        std::vector<DaySpan> missing;
        if (!usable(device)) {
            missing.push_back(*whole);
        } else {
            const auto& range = kept.at(device);
            if (whole->first < range.first) missing.push_back({whole->first, std::min(whole->last, range.first - 1)});
            if (whole->last > range.last) missing.push_back({std::max(whole->first, range.last + 1), whole->last});
        }
        for (const auto& part : missing) {
            if (part.first > part.last) continue;
            auto walked = walk_days(database, device, part.first, part.last, rules);
            if (!walked) return store::Error{walked.error()};
            for (const auto& day : walked.value()) {
                for (std::size_t index = 0; index < spans.size(); ++index) {
                    if (day.day < spans[index].first || day.day > spans[index].last) continue;
                    auto& total = device_totals[index];
                    total.pages += day.pages;
                    total.reset_days += day.reset ? 1 : 0;
                    ++total.counted_days;
                }
            }
        }
    }
    return totals;
}

store::Result<PageDayFill> fill_page_days(store::Database& database, calendar::Instant now, int most_devices) {
    const auto today = calendar::to_tokyo(now).date;
    const auto last = calendar::days_from_civil(today) - 1;
    const auto this_year = fiscal_year_start(today);
    const auto first = calendar::days_from_civil({this_year.year - 1, 4, 1});
    auto inputs = read_inputs(database);
    if (!inputs) return store::Error{inputs.error()};
    const auto& [devices, limits, kept] = inputs.value();
    auto drop = database.prepare("DELETE FROM telemetry_page_days WHERE device_id = ?1");
    auto insert = database.prepare("INSERT OR REPLACE INTO telemetry_page_days (device_id, day, pages, reset) VALUES (?1, ?2, ?3, ?4)");
    auto keep = database.prepare(
        "INSERT OR REPLACE INTO telemetry_page_days_kept (device_id, first_day, last_day, max_pages_per_hour) "
        "VALUES (?1, ?2, ?3, ?4)");
    if (!drop) return store::Error{drop.error()};
    if (!insert) return store::Error{insert.error()};
    if (!keep) return store::Error{keep.error()};

    PageDayFill fill;
    for (const auto device : devices) {
        if (fill.devices >= most_devices) break;
        const auto rules = rules_for(limits, device);
        const auto range = kept.find(device);
        // Extend what is kept when it starts early enough at this speed; else walk it all again.
        const bool extend = range != kept.end() && range->second.max_pages_per_hour == rules.max_pages_per_hour &&
                            range->second.first <= first && range->second.last >= range->second.first - 1;
        const auto from = extend ? range->second.last + 1 : first;
        const auto kept_first = extend ? range->second.first : first;
        if (from > last) continue;
        if (!extend) {
            drop.value().reset().bind(1, device);
            if (auto dropped = drop.value().step(); !dropped) return store::Error{dropped.error()};
        }
        auto walked = walk_days(database, device, from, last, rules);
        if (!walked) return store::Error{walked.error()};
        for (const auto& day : walked.value()) {
            insert.value().reset().bind(1, device).bind(2, day.day).bind(3, day.pages).bind(4, std::int64_t{day.reset});
            if (auto inserted = insert.value().step(); !inserted) return store::Error{inserted.error()};
            ++fill.days;
        }
        keep.value().reset().bind(1, device).bind(2, kept_first).bind(3, last).bind(4, rules.max_pages_per_hour);
        if (auto stored = keep.value().step(); !stored) return store::Error{stored.error()};
        ++fill.devices;
    }
    return fill;
}

}  // namespace madoguchi::server::telemetry
