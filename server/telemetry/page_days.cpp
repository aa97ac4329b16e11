#include "telemetry/page_days.hpp"

#include <algorithm>

#include "telemetry/billing.hpp"
#include "telemetry/counter_samples.hpp"
#include "telemetry/model_speed_store.hpp"

namespace madoguchi::server::telemetry {
namespace {

namespace domain = madoguchi::telemetry;

using Limits = std::map<std::int64_t, std::int64_t>;

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

domain::CounterRules rules_for(const Limits& limits, std::int64_t device) {
    domain::CounterRules rules;
    rules.max_pages_per_hour = max_pages_per_hour(limits, device);
    return rules;
}

}  // namespace

calendar::Date fiscal_year_start(const calendar::Date& day) { return {day.month >= 4 ? day.year : day.year - 1, 4, 1}; }

store::Result<std::map<std::int64_t, std::vector<PageDay>>> page_days(store::Database& database, const calendar::Date& first,
                                                                    const calendar::Date& last) {
    const auto from = calendar::days_from_civil(first);
    const auto to = calendar::days_from_civil(last);
    auto devices = devices_with_counters(database);
    if (!devices) return store::Error{devices.error()};
    auto limits = device_page_limits(database);
    if (!limits) return store::Error{limits.error()};
    auto kept = kept_ranges(database);
    if (!kept) return store::Error{kept.error()};

    std::map<std::int64_t, std::vector<PageDay>> out;
    for (const auto device : devices.value()) out[device];
    auto rows = database.prepare(
        "SELECT device_id, day, pages, reset FROM telemetry_page_days WHERE day >= ?1 AND day <= ?2 ORDER BY device_id, day");
    if (!rows) return store::Error{rows.error()};
    rows.value().bind(1, from).bind(2, to);
    for (;;) {
        auto row = rows.value().step();
        if (!row) return store::Error{row.error()};
        if (!row.value()) break;
        auto& q = rows.value();
        const auto device = q.column_int(0);
        const auto range = kept.value().find(device);
        const auto day = q.column_int(1);
        // Rows outside the kept range or kept at another speed are stale; walked again below.
        if (range == kept.value().end() || day < range->second.first || day > range->second.last ||
            range->second.max_pages_per_hour != max_pages_per_hour(limits.value(), device)) {
            continue;
        }
        out[device].push_back({day, q.column_int(2), q.column_int(3) != 0});
    }
    for (auto& [device, days] : out) {
        const auto rules = rules_for(limits.value(), device);
        auto range = kept.value().find(device);
        const bool usable = range != kept.value().end() && range->second.max_pages_per_hour == rules.max_pages_per_hour &&
                            range->second.first <= range->second.last;
        // The parts of [from, to] the kept range does not cover.
        std::vector<std::pair<std::int64_t, std::int64_t>> missing;
        if (!usable) {
            missing.push_back({from, to});
        } else {
            if (from < range->second.first) missing.push_back({from, std::min(to, range->second.first - 1)});
            if (to > range->second.last) missing.push_back({std::max(from, range->second.last + 1), to});
        }
        for (const auto& [a, b] : missing) {
            if (a > b) continue;
            auto walked = walk_days(database, device, a, b, rules);
            if (!walked) return store::Error{walked.error()};
            days.insert(days.end(), walked.value().begin(), walked.value().end());
        }
        if (!missing.empty()) {
            std::sort(days.begin(), days.end(), [](const PageDay& x, const PageDay& y) { return x.day < y.day; });
        }
    }
    return out;
}

store::Result<PageDayFill> fill_page_days(store::Database& database, calendar::Instant now) {
    const auto today = calendar::to_tokyo(now).date;
    const auto last = calendar::days_from_civil(today) - 1;
    const auto this_year = fiscal_year_start(today);
    const auto first = calendar::days_from_civil({this_year.year - 1, 4, 1});
    auto devices = devices_with_counters(database);
    if (!devices) return store::Error{devices.error()};
    auto limits = device_page_limits(database);
    if (!limits) return store::Error{limits.error()};
    auto kept = kept_ranges(database);
    if (!kept) return store::Error{kept.error()};
    auto drop = database.prepare("DELETE FROM telemetry_page_days WHERE device_id = ?1");
    auto insert = database.prepare("INSERT OR REPLACE INTO telemetry_page_days (device_id, day, pages, reset) VALUES (?1, ?2, ?3, ?4)");
    auto keep = database.prepare(
        "INSERT OR REPLACE INTO telemetry_page_days_kept (device_id, first_day, last_day, max_pages_per_hour) "
        "VALUES (?1, ?2, ?3, ?4)");
    if (!drop) return store::Error{drop.error()};
    if (!insert) return store::Error{insert.error()};
    if (!keep) return store::Error{keep.error()};

    PageDayFill fill;
    for (const auto device : devices.value()) {
        const auto rules = rules_for(limits.value(), device);
        const auto range = kept.value().find(device);
        // Extend what is kept when it starts early enough at this speed; else walk it all again.
        const bool extend = range != kept.value().end() && range->second.max_pages_per_hour == rules.max_pages_per_hour &&
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
