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

    auto info = device_info(database);
    if (!info) return store::Error{info.error()};
    auto days = page_days(database, report.year_start, report.as_of);
    if (!days) return store::Error{days.error()};
    const auto month_first_day = calendar::days_from_civil(first_of(month));
    std::map<std::string, BillingDivision> divisions;
    for (const auto& [device, device_days] : days.value()) {
        BillingDevice row;
        row.device_id = device;
        bool sampled_in_month = false;
        for (const auto& day : device_days) {
            report.year_pages += day.pages;
            const auto date = calendar::civil_from_days(day.day);
            report.months[static_cast<std::size_t>((date.year - report.year_start.year) * 12 + date.month - 4)].pages += day.pages;
            if (day.day < month_first_day) continue;
            sampled_in_month = true;
            row.pages += day.pages;
            if (day.reset) ++row.resets;
        }
        if (!sampled_in_month) continue;
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
