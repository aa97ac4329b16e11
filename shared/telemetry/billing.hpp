#pragma once
// 課金確認 (billing checks): pages per device and month from counter samples, totals by
// division, and the year's pace against the contract of 65,000,000 pages a year.
#include <compare>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "calendar/civil_date.hpp"
#include "telemetry/oddity.hpp"
#include "telemetry/page_counter.hpp"

namespace madoguchi::telemetry {

inline constexpr std::int64_t contract_pages_per_year = 65'000'000;

struct Month {
    int year = 1970;
    int month = 1;
    friend constexpr auto operator<=>(const Month&, const Month&) = default;
};

struct MonthlyPages {
    Month month;
    std::int64_t pages = 0;
    friend bool operator==(const MonthlyPages&, const MonthlyPages&) = default;
};

struct DeviceBilling {
    std::vector<MonthlyPages> months;  // in order, months without pages left out
    int resets = 0;                    // counter resets and jumps not billed, for review
    std::vector<Oddity> oddities;
};

// The pages of one device per Tokyo month from its counter samples in time order, each
// delta billed to the month of the later sample (a delta spanning midnight of the 1st is
// at most one poll interval's pages). Samples without a readable value are stepped over:
// the next readable one is compared with the last readable one.
DeviceBilling monthly_pages(std::span<const CounterSample> samples, const CounterRules& rules);

// One Tokyo day of a device, for the anomaly check (特異点): the pages and whether the counter
// went backwards (reset or replaced) or jumped that day.
struct DailyPages {
    calendar::Date day;
    std::int64_t pages = 0;
    bool reset = false;
    friend bool operator==(const DailyPages&, const DailyPages&) = default;
};

// The same deltas as monthly_pages, each counted on the Tokyo day of the later sample; days
// without a delta are left out, in order.
std::vector<DailyPages> daily_pages(std::span<const CounterSample> samples, const CounterRules& rules);

struct DevicePages {
    std::int64_t device_id = 0;
    std::string division;  // division code
    Month month;
    std::int64_t pages = 0;
};

struct DivisionPages {
    std::string division;
    Month month;
    std::int64_t pages = 0;
    int devices = 0;  // devices with a row that month
    friend bool operator==(const DivisionPages&, const DivisionPages&) = default;
};

// Totals per division and month, ordered by division code then month.
std::vector<DivisionPages> totals_by_division(std::span<const DevicePages> rows);

enum class PaceStatus { under, on_pace, over };

struct ContractPace {
    std::int64_t pages = 0;       // printed so far this contract year
    double expected_by_now = 0;   // the contract's share for the days elapsed
    double projected_year = 0;    // the year's pages at the pace so far
    double ratio = 0;             // pages / expected_by_now
    PaceStatus status = PaceStatus::on_pace;
};

// The pace on `today` of a contract year starting `year_start` (1 April for the ministry's
// fiscal year), counting today as elapsed; within ±tolerance of the contract is on pace.
ContractPace contract_pace(std::int64_t pages, const calendar::Date& year_start, const calendar::Date& today,
                           std::int64_t contract_pages = contract_pages_per_year, double tolerance = 0.05);

// Names and catalog keys "telemetry.pace.<name>".
std::string_view pace_status_name(PaceStatus status);
std::string_view pace_status_label_key(PaceStatus status);

}  // namespace madoguchi::telemetry
