#include "telemetry/billing_store.hpp"

#include <algorithm>
#include <map>

#include "calendar/civil_date.hpp"
#include "telemetry/page_days.hpp"

namespace madoguchi::server::telemetry {
namespace {

namespace domain = madoguchi::telemetry;

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
        "FROM devices d LEFT JOIN device_models m ON m.id = d.model_id LEFT JOIN divisions v ON v.code = d.division_code");
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
    report.year_start = fiscal_year_start(first_of(month));
    const auto month_end = calendar::add_days(first_of(next_month(month)), -1);
    const auto today = calendar::to_tokyo(now).date;
    report.as_of = calendar::days_from_civil(today) < calendar::days_from_civil(month_end) ? today : month_end;
    for (auto m = domain::Month{report.year_start.year, report.year_start.month}; m <= month; m = next_month(m)) {
        report.months.push_back({m, 0});
    }

    // One span of days per month of the fiscal year through as_of; the asked month is the last.
    std::vector<DaySpan> spans;
    const auto as_of_day = calendar::days_from_civil(report.as_of);
    for (const auto& m : report.months) {
        const auto last = calendar::days_from_civil(calendar::add_days(first_of(next_month(m.month)), -1));
        spans.push_back({calendar::days_from_civil(first_of(m.month)), std::min(last, as_of_day)});
    }
    auto info = device_info(database);
    if (!info) return store::Error{info.error()};
    auto totals = page_totals(database, spans);
    if (!totals) return store::Error{totals.error()};
    std::map<std::string, BillingDivision> divisions;
    for (const auto& [device, device_totals] : totals.value()) {
        for (std::size_t index = 0; index < device_totals.size(); ++index) {
            report.year_pages += device_totals[index].pages;
            report.months[index].pages += device_totals[index].pages;
        }
        const auto& in_month = device_totals.back();
        if (in_month.counted_days == 0) continue;
        BillingDevice row;
        row.device_id = device;
        row.pages = in_month.pages;
        row.resets = in_month.reset_days;
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
    }
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
    auto months = nlohmann::json::array();
    for (const auto& m : report.months) months.push_back({{"month", format_month(m.month)}, {"pages", m.pages}});
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
            {"months", months},
            {"divisions", divisions},
            {"devices", devices}};
}

}  // namespace madoguchi::server::telemetry
