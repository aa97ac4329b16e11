#include "telemetry/billing_store.hpp"

#include <algorithm>
#include <map>

#include "calendar/civil_date.hpp"
#include "telemetry/model_speed_store.hpp"

namespace madoguchi::server::telemetry {
namespace {

namespace domain = madoguchi::telemetry;

// The first deltas of the fiscal year need the last sample before it: a device silent for
// longer than this before 1 April starts counting at its first sample after.
constexpr int baseline_days = 40;

// prtMarkerLifeCount of a kind 3 payload [count, unit, [[index, value]…]] when it counts pages.
std::optional<std::int64_t> page_count(const std::string& payload) {
    const auto values = nlohmann::json::parse(payload, nullptr, false);
    if (!values.is_array() || values.empty() || !values[0].is_number_integer()) return std::nullopt;
    if (values.size() > 1 && values[1].is_number_integer() && !domain::counts_pages(values[1].get<std::int64_t>())) {
        return std::nullopt;
    }
    return values[0].get<std::int64_t>();
}

calendar::Date first_of(domain::Month month) { return {month.year, month.month, 1}; }

domain::Month next_month(domain::Month month) {
    return month.month == 12 ? domain::Month{month.year + 1, 1} : domain::Month{month.year, month.month + 1};
}

struct DeviceInfo {
    std::string asset_tag;
    std::string model;
    std::string division_code;
    std::string division_name;
};

store::Result<std::map<std::int64_t, DeviceInfo>> device_info(store::Database& database) {
    auto query = database.prepare(
        "SELECT d.id, d.asset_tag, coalesce(m.maker || ' ' || m.name, ''), d.division_code, coalesce(v.name_ja, '') "
        "FROM devices d LEFT JOIN device_models m ON m.id = d.model_id LEFT JOIN divisions v ON v.code = d.division_code "
        "WHERE d.id IN (SELECT DISTINCT device_id FROM telemetry_samples WHERE kind = 3)");
    if (!query) return store::Error{query.error()};
    std::map<std::int64_t, DeviceInfo> info;
    for (;;) {
        auto row = query.value().step();
        if (!row) return store::Error{row.error()};
        if (!row.value()) break;
        auto& q = query.value();
        info[q.column_int(0)] = {q.column_text(1), q.column_text(2), q.column_text(3), q.column_text(4)};
    }
    return info;
}

}  // namespace

std::optional<domain::Month> parse_month(std::string_view text) {
    if (text.size() != 7 || text[4] != '-') return std::nullopt;
    const auto date = calendar::parse_date(std::string(text) + "-01");
    if (!date) return std::nullopt;
    return domain::Month{date->year, date->month};
}

std::string format_month(domain::Month month) {
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02d", month.year, month.month);
    return text;
}

store::Result<BillingReport> billing_report(store::Database& database, domain::Month month, calendar::Instant now) {
    BillingReport report;
    report.month = month;
    report.year_start = {month.month >= 4 ? month.year : month.year - 1, 4, 1};
    const auto month_end = calendar::add_days(first_of(next_month(month)), -1);
    const auto today = calendar::to_tokyo(now).date;
    report.as_of = calendar::days_from_civil(today) < calendar::days_from_civil(month_end) ? today : month_end;

    auto info = device_info(database);
    if (!info) return store::Error{info.error()};
    auto samples = database.prepare(
        "SELECT device_id, at, payload FROM telemetry_samples WHERE kind = 3 AND at >= ?1 AND at < ?2 "
        "ORDER BY device_id, at");
    if (!samples) return store::Error{samples.error()};
    samples.value()
        .bind(1, calendar::from_tokyo(calendar::add_days(report.year_start, -baseline_days), 0).unix_seconds)
        .bind(2, calendar::from_tokyo(first_of(next_month(month)), 0).unix_seconds);

    // More pages between two samples than the device's model prints is a garbled or replaced counter.
    auto limits = device_page_limits(database);
    if (!limits) return store::Error{limits.error()};
    domain::CounterRules rules;
    const auto year_first_day = calendar::days_from_civil(report.year_start);
    const auto month_first_day = calendar::days_from_civil(first_of(month));
    const auto last_day = calendar::days_from_civil(report.as_of);
    std::map<std::string, BillingDivision> divisions;
    std::vector<domain::CounterSample> device_samples;
    std::int64_t device = 0;
    const auto settle = [&] {
        if (device_samples.empty()) return;
        BillingDevice row;
        row.device_id = device;
        rules.max_pages_per_hour = max_pages_per_hour(limits.value(), device);
        bool sampled_in_month = false;
        for (const auto& day : domain::daily_pages(device_samples, rules)) {
            const auto number = calendar::days_from_civil(day.day);
            if (number < year_first_day || number > last_day) continue;
            report.year_pages += day.pages;
            if (number < month_first_day) continue;
            sampled_in_month = true;
            row.pages += day.pages;
            if (day.reset) ++row.resets;
        }
        device_samples.clear();
        if (!sampled_in_month) return;
        if (const auto found = info.value().find(device); found != info.value().end()) {
            row.asset_tag = found->second.asset_tag;
            row.model = found->second.model;
            row.division_code = found->second.division_code;
            row.division_name = found->second.division_name;
        }
        report.month_pages += row.pages;
        auto& division = divisions[row.division_code];
        division.division_code = row.division_code;
        division.division_name = row.division_name;
        division.pages += row.pages;
        ++division.devices;
        report.devices.push_back(std::move(row));
    };
    for (;;) {
        auto row = samples.value().step();
        if (!row) return store::Error{row.error()};
        if (!row.value()) break;
        auto& s = samples.value();
        if (s.column_int(0) != device) {
            settle();
            device = s.column_int(0);
        }
        device_samples.push_back({calendar::Instant{s.column_int(1)}, page_count(s.column_text(2))});
    }
    settle();
    std::sort(report.devices.begin(), report.devices.end(),
              [](const BillingDevice& a, const BillingDevice& b) { return a.asset_tag < b.asset_tag; });
    for (auto& [code, division] : divisions) report.divisions.push_back(std::move(division));
    report.pace = domain::contract_pace(report.year_pages, report.year_start, report.as_of);
    return report;
}

nlohmann::json to_json(const BillingReport& report) {
    const auto contract = static_cast<double>(domain::contract_pages_per_year);
    auto devices = nlohmann::json::array();
    for (const auto& d : report.devices) {
        devices.push_back({{"device_id", d.device_id},
                           {"asset_tag", d.asset_tag},
                           {"model", d.model},
                           {"division_code", d.division_code},
                           {"division_name", d.division_name},
                           {"pages", d.pages},
                           {"resets", d.resets}});
    }
    auto divisions = nlohmann::json::array();
    for (const auto& d : report.divisions) {
        divisions.push_back({{"division_code", d.division_code},
                             {"division_name", d.division_name},
                             {"pages", d.pages},
                             {"devices", d.devices}});
    }
    const auto& pace = report.pace;
    return {{"month", format_month(report.month)},
            {"fiscal_year_start", calendar::format_date(report.year_start)},
            {"as_of", calendar::format_date(report.as_of)},
            {"contract_pages_per_year", domain::contract_pages_per_year},
            {"month_pages", report.month_pages},
            {"year",
             {{"pages", report.year_pages},
              {"share_used", static_cast<double>(report.year_pages) / contract},
              {"expected_by_now", pace.expected_by_now},
              {"projected_year", pace.projected_year},
              {"projected_share", pace.projected_year / contract},
              {"ratio", pace.ratio},
              {"status", domain::pace_status_name(pace.status)}}},
            {"divisions", divisions},
            {"devices", devices}};
}

}  // namespace madoguchi::server::telemetry
