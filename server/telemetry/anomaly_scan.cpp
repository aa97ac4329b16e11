#include "telemetry/anomaly_scan.hpp"

#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "calendar/business_calendar.hpp"
#include "telemetry/anomaly_store.hpp"
#include "telemetry/billing.hpp"
#include "telemetry/counter_samples.hpp"
#include "telemetry/model_speed_store.hpp"
#include "telemetry/usage_anomaly.hpp"

namespace madoguchi::server::telemetry {
namespace {

namespace domain = madoguchi::telemetry;

struct DeviceDays {
    std::string floor;  // building and floor; empty without a location
    std::map<std::int64_t, domain::DailyPages> days;  // by days_from_civil
};

// Building and floor of each device in the ledger; empty without a location.
store::Result<std::map<std::int64_t, std::string>> floors_of_devices(store::Database& database) {
    auto query = database.prepare(
        "SELECT d.id, coalesce(l.building || ' ' || l.floor, '') FROM devices d LEFT JOIN locations l ON l.id = d.location_id");
    if (!query) return store::Error{query.error()};
    std::map<std::int64_t, std::string> floors;
    for (;;) {
        auto row = query.value().step();
        if (!row) return store::Error{row.error()};
        if (!row.value()) break;
        floors[query.value().column_int(0)] = query.value().column_text(1);
    }
    return floors;
}

store::Result<std::map<std::int64_t, DeviceDays>> load_days(store::Database& database, const calendar::Date& day) {
    // One day more than the history: its samples are the baseline of the first day's delta.
    const auto from = calendar::from_tokyo(calendar::add_days(day, -anomaly_history_days - 1), 0);
    const auto to = calendar::from_tokyo(calendar::add_days(day, 1), 0);
    auto floors = floors_of_devices(database);
    if (!floors) return store::Error{floors.error()};
    // As billing: the device's model's rated speed bounds a plausible delta.
    auto limits = device_page_limits(database);
    if (!limits) return store::Error{limits.error()};
    std::map<std::int64_t, DeviceDays> devices;
    auto read = for_each_device_counters(
        database, from, to, [&](std::int64_t device, std::span<const domain::CounterSample> samples) -> store::Status {
            // Samples of a device no longer in the ledger are not judged.
            const auto floor = floors.value().find(device);
            if (floor == floors.value().end()) return store::success();
            auto& entry = devices[device];
            entry.floor = floor->second;
            domain::CounterRules rules;
            rules.max_pages_per_hour = max_pages_per_hour(limits.value(), device);
            for (const auto& pages : domain::daily_pages(samples, rules)) entry.days[calendar::days_from_civil(pages.day)] = pages;
            return store::success();
        });
    if (!read) return store::Error{read.error()};
    return devices;
}

// The device's pages on the business days before `day` that it was polled, resets left out.
std::vector<std::int64_t> history_of(const DeviceDays& device, std::int64_t day) {
    std::vector<std::int64_t> history;
    for (const auto& [number, pages] : device.days) {
        if (number >= day || number < day - anomaly_history_days) continue;
        if (pages.reset || !calendar::is_business_day(pages.day)) continue;
        history.push_back(pages.pages);
    }
    return history;
}

}  // namespace

calendar::Date last_whole_day(calendar::Instant now) { return calendar::add_days(calendar::to_tokyo(now).date, -1); }

store::Result<AnomalyScan> scan_anomalies(store::Database& database, const calendar::Date& day,
                                          const audit::Actor& actor, calendar::Instant now) {
    AnomalyScan scan;
    scan.day = day;
    auto devices = load_days(database, day);
    if (!devices) return store::Error{devices.error()};
    scan.devices = static_cast<int>(devices.value().size());
    const auto number = calendar::days_from_civil(day);
    const bool business_day = calendar::is_business_day(day);

    std::vector<Finding> findings;
    std::map<std::string, std::vector<domain::FloorDevice>> floors;
    std::map<std::int64_t, std::int64_t> usual;
    for (const auto& [device_id, device] : devices.value()) {
        const auto today = device.days.find(number);
        if (today != device.days.end() && today->second.reset) {
            findings.push_back({device_id, AnomalyKind::counter_backwards, today->second.pages, 0});
        }
        // A closed office prints nothing: its days are neither judged nor compared.
        if (!business_day) continue;
        const auto judgement = domain::judge_day(history_of(device, number),
                                                 today == device.days.end() ? 0 : today->second.pages, {});
        usual[device_id] = std::llround(judgement.median_pages);
        const auto pages = today == device.days.end() ? 0 : today->second.pages;
        const bool reset_today = today != device.days.end() && today->second.reset;
        // A reset day's pages are not known: the device is neither silent nor a printing peer.
        if (!device.floor.empty() && !reset_today) floors[device.floor].push_back({device_id, pages, judgement.median_pages});
        // Unpolled today (offline) is not a low day; a reset day's pages are not comparable.
        if (today == device.days.end() || reset_today) continue;
        if (judgement.verdict == domain::UsageVerdict::unusually_high) {
            findings.push_back({device_id, AnomalyKind::unusually_high, pages, usual[device_id]});
        } else if (judgement.verdict == domain::UsageVerdict::unusually_low) {
            findings.push_back({device_id, AnomalyKind::unusually_low, pages, usual[device_id]});
        }
    }
    for (const auto& [floor, members] : floors) {
        for (const auto device_id : domain::silent_devices(members, {})) {
            // Silent says more than "unusually low" for the same day: one finding, not two.
            std::erase_if(findings, [&](const Finding& f) {
                return f.device_id == device_id && f.kind == AnomalyKind::unusually_low;
            });
            findings.push_back({device_id, AnomalyKind::silent, 0, usual[device_id]});
        }
    }
    for (const auto& finding : findings) {
        auto stored = flag_anomaly(database, finding, day, actor, now);
        if (!stored) return store::Error{stored.error()};
        if (stored.value()) ++scan.flagged;
    }
    return scan;
}

}  // namespace madoguchi::server::telemetry
