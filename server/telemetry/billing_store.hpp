#pragma once
// 課金確認 (billing checks) from the pages per device and day (page_days.hpp, counter samples of
// kind 3): the pages of each device in a month, totals per division, and the fiscal year's pages against the contract of 65,000,000
// pages a year (shared/telemetry/billing.hpp does the arithmetic).
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "calendar/tokyo_time.hpp"
#include "store/database.hpp"
#include "telemetry/billing.hpp"

namespace madoguchi::server::telemetry {

struct BillingDevice {
    std::int64_t device_id = 0;
    std::string asset_tag;
    std::string model;  // "RICOH IM C3510F"
    std::string division_code;
    std::string division_name;
    std::int64_t pages = 0;
    int resets = 0;  // days the counter went backwards or jumped: not billed, to review
};

struct BillingDivision {
    std::string division_code;
    std::string division_name;
    std::int64_t pages = 0;
    int devices = 0;
};

struct BillingReport {
    madoguchi::telemetry::Month month;
    calendar::Date year_start;  // 1 April of the fiscal year holding the month
    calendar::Date as_of;       // today within the month, else its last day
    std::int64_t month_pages = 0;
    std::int64_t year_pages = 0;  // from year_start through as_of
    // The fiscal year's months from April through the month, each its pages through as_of
    // (the month's own bill for the months before): the chart's bars in one answer.
    std::vector<madoguchi::telemetry::MonthlyPages> months;
    madoguchi::telemetry::ContractPace pace;
    std::vector<BillingDevice> devices;      // devices with counter samples that month, by asset tag
    std::vector<BillingDivision> divisions;  // by division code
};

// The month's report as of `now`; a month after now's is the caller's to refuse.
store::Result<BillingReport> billing_report(store::Database& database, madoguchi::telemetry::Month month,
                                            calendar::Instant now);

// "2026-11" → the month; empty for anything else.
std::optional<madoguchi::telemetry::Month> parse_month(std::string_view text);
std::string format_month(madoguchi::telemetry::Month month);

nlohmann::json to_json(const BillingReport& report);

}  // namespace madoguchi::server::telemetry
