#pragma once
// 請求 (billing checks): for a Tokyo month the pages per division and per device from the
// printers' counters, and the fiscal year's pages against the 65,000,000-page contract (the
// share used, the share expected by now, the projection to the year's end); the pages of
// each month of the fiscal year so far for the chart; the month's CSV and XLSX for invoice
// checks. Months after this one are not offered: their pages are not printed yet.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "api/api_client.hpp"
#include "i18n/catalog.hpp"
#include "telemetry/report_month.hpp"
#include "ui/chart_scale.hpp"
#include "ui/table_model.hpp"

namespace madoguchi::client {

struct BillingDivision {
    std::string code;
    std::string name;
    std::int64_t pages = 0;
    int devices = 0;
};

struct BillingDevice {
    std::int64_t device_id = 0;
    std::string asset_tag;
    std::string model;
    std::string division_code;
    std::string division_name;
    std::int64_t pages = 0;
    int resets = 0;  // counter resets and implausible jumps left unbilled
};

struct BillingMonth {
    std::string month;  // "2026-04"
    std::int64_t pages = 0;
};

struct BillingReport {
    std::string month;
    std::string fiscal_year_start;
    std::string as_of;
    std::int64_t contract_pages = 0;
    std::int64_t month_pages = 0;
    std::int64_t year_pages = 0;
    double share_used = 0.0;       // of the contract, 0..1 (beyond 1 when over)
    double expected_by_now = 0.0;  // the share the contract's even pace would have used
    double projected_year = 0.0;   // pages by the year's end at this pace
    double projected_share = 0.0;
    std::string status;  // "under" | "on_pace" | "over"
    std::vector<BillingDivision> divisions;
    std::vector<BillingDevice> devices;
    std::vector<BillingMonth> months;  // the fiscal year's, April through the month
};

// GET /telemetry/billing?month= answer; empty when it is not one.
std::optional<BillingReport> billing_from_body(const std::string& body);
// "12.3%" of a share 0..1.
std::string share_text(double share);

class Billing {
public:
    enum class State { idle, loading, loaded, failed };

    Billing();
    Billing(const Billing&) = delete;
    Billing& operator=(const Billing&) = delete;

    // Reads the shown month (this month when not set yet) with its fiscal year's months for
    // the chart, in one GET; `today` is this Tokyo month, the latest that may be asked.
    void load(ApiClient& api, ReportMonth today);
    void clear();
    State state() const { return state_; }
    const api::ApiError& error() const { return error_; }
    const std::optional<BillingReport>& report() const { return report_; }

    const ReportMonthState& month() const { return month_; }
    // Another month, read at once.
    void show_month(ApiClient& api, ReportMonth month, ReportMonth today);

    // The fiscal year's months up to the shown one, with their pages.
    ChartData monthly_chart(i18n::Language language) const;
    // The downloads of the shown month ("/api/v1/telemetry/billing.csv?month=2026-11").
    std::string csv_path() const;
    std::string xlsx_path() const;

    TableModel& divisions() { return division_table_; }
    TableModel& devices() { return device_table_; }

private:
    void accept(const ApiResult& result);

    State state_ = State::idle;
    std::uint64_t generation_ = 0;
    api::ApiError error_;
    ReportMonthState month_;
    std::optional<BillingReport> report_;
    TableModel division_table_;
    TableModel device_table_;
};

}  // namespace madoguchi::client
