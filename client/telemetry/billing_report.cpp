#include "telemetry/billing_report.hpp"

#include <cmath>
#include <cstdio>

#include "lending/lending_records.hpp"

namespace madoguchi::client {
namespace {

double number_field(const nlohmann::json& object, const char* key) {
    const auto found = object.find(key);
    return found != object.end() && found->is_number() ? found->get<double>() : 0.0;
}

std::string pages_text(std::int64_t pages) { return format_number(static_cast<double>(pages)); }

}  // namespace

std::optional<BillingReport> billing_from_body(const std::string& body) {
    const auto document = nlohmann::json::parse(body, nullptr, false);
    if (!document.is_object() || !document.contains("year") || !document["year"].is_object()) return std::nullopt;
    BillingReport report;
    report.month = string_field(document, "month");
    report.fiscal_year_start = string_field(document, "fiscal_year_start");
    report.as_of = string_field(document, "as_of");
    report.contract_pages = integer_field(document, "contract_pages_per_year");
    report.month_pages = integer_field(document, "month_pages");
    const auto& year = document["year"];
    report.year_pages = integer_field(year, "pages");
    report.share_used = number_field(year, "share_used");
    report.expected_by_now = number_field(year, "expected_by_now");
    report.projected_year = number_field(year, "projected_year");
    report.projected_share = number_field(year, "projected_share");
    report.status = string_field(year, "status");
    if (const auto divisions = document.find("divisions"); divisions != document.end() && divisions->is_array()) {
        for (const auto& item : *divisions) {
            if (!item.is_object()) continue;
            report.divisions.push_back({string_field(item, "division_code"), string_field(item, "division_name"),
                                        integer_field(item, "pages"), static_cast<int>(integer_field(item, "devices"))});
        }
    }
    if (const auto devices = document.find("devices"); devices != document.end() && devices->is_array()) {
        for (const auto& item : *devices) {
            if (!item.is_object()) continue;
            report.devices.push_back({integer_field(item, "device_id"), string_field(item, "asset_tag"), string_field(item, "model"),
                                      string_field(item, "division_code"), string_field(item, "division_name"),
                                      integer_field(item, "pages"), static_cast<int>(integer_field(item, "resets"))});
        }
    }
    return report;
}

std::string share_text(double share) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f%%", std::round(share * 1000.0) / 10.0);
    return text;
}

Billing::Billing()
    : division_table_({{"telemetry_extra.billing.column.division_code", 7.0F, CellAlignment::left, SortKind::text,
                        [this](std::size_t row) { return report_->divisions[row].code; }},
                       {"telemetry_extra.billing.column.division_name", 0.0F, CellAlignment::left, SortKind::text,
                        [this](std::size_t row) { return report_->divisions[row].name; }},
                       {"telemetry_office.billing.column.devices", 5.0F, CellAlignment::right, SortKind::number,
                        [this](std::size_t row) { return std::to_string(report_->divisions[row].devices); },
                        [this](std::size_t row) { return static_cast<double>(report_->divisions[row].devices); }},
                       {"telemetry_office.billing.column.pages", 8.0F, CellAlignment::right, SortKind::number,
                        [this](std::size_t row) { return pages_text(report_->divisions[row].pages); },
                        [this](std::size_t row) { return static_cast<double>(report_->divisions[row].pages); }}},
                      0),
      device_table_({{"telemetry_extra.billing.column.asset_tag", 8.0F, CellAlignment::left, SortKind::text,
                      [this](std::size_t row) { return report_->devices[row].asset_tag; }},
                     {"telemetry_extra.billing.column.model", 9.0F, CellAlignment::left, SortKind::text,
                      [this](std::size_t row) { return report_->devices[row].model; }},
                     {"telemetry_extra.billing.column.division_name", 0.0F, CellAlignment::left, SortKind::text,
                      [this](std::size_t row) { return report_->devices[row].division_name; }},
                     {"telemetry_office.billing.column.pages", 8.0F, CellAlignment::right, SortKind::number,
                      [this](std::size_t row) { return pages_text(report_->devices[row].pages); },
                      [this](std::size_t row) { return static_cast<double>(report_->devices[row].pages); }},
                     {"telemetry_office.billing.column.resets", 5.0F, CellAlignment::right, SortKind::number,
                      [this](std::size_t row) { return std::to_string(report_->devices[row].resets); },
                      [this](std::size_t row) { return static_cast<double>(report_->devices[row].resets); }}},
                    0) {}

void Billing::load(ApiClient& api, ReportMonth today) {
    if (!month_ || today < *month_) month_ = today;
    ++generation_;
    state_ = State::loading;
    const auto shown = *month_;
    const auto first = fiscal_year_start(shown);
    year_months_.assign(static_cast<std::size_t>((shown.year - first.year) * 12 + shown.month - first.month + 1), std::nullopt);
    api.get("/api/v1/telemetry/billing?month=" + month_text(shown), [this, generation = generation_](const ApiResult& result) {
        if (generation == generation_) accept(result);
    });
    // The months before the shown one, for the chart only: one that fails stays out of it.
    for (std::size_t index = 0; index + 1 < year_months_.size(); ++index) {
        const auto month = add_months(first, static_cast<int>(index));
        api.get("/api/v1/telemetry/billing?month=" + month_text(month), [this, index, generation = generation_](const ApiResult& result) {
            if (generation != generation_ || !result.ok()) return;
            if (const auto read = billing_from_body(result.body)) year_months_[index] = read->month_pages;
        });
    }
}

void Billing::show_month(ApiClient& api, ReportMonth month, ReportMonth today) {
    month_ = month;
    load(api, today);
}

void Billing::clear() {
    ++generation_;
    state_ = State::idle;
    month_.reset();
    report_.reset();
    year_months_.clear();
    division_table_.set_rows(0);
    device_table_.set_rows(0);
}

void Billing::accept(const ApiResult& result) {
    auto report = result.ok() ? billing_from_body(result.body) : std::nullopt;
    if (!report) {
        error_ = result.ok() ? api::make_error("internal") : result.error;
        state_ = State::failed;
        return;
    }
    report_ = std::move(*report);
    if (!year_months_.empty()) year_months_.back() = report_->month_pages;
    division_table_.set_rows(report_->divisions.size());
    device_table_.set_rows(report_->devices.size());
    error_ = {};
    state_ = State::loaded;
}

ChartData Billing::monthly_chart(i18n::Language language) const {
    ChartData chart;
    chart.title = i18n::text("telemetry_office.billing.chart", language);
    if (!month_) return chart;
    const auto first = fiscal_year_start(*month_);
    Series pages{i18n::text("telemetry_office.billing.column.pages", language), {}};
    for (std::size_t index = 0; index < year_months_.size(); ++index) {
        const auto month = add_months(first, static_cast<int>(index));
        chart.categories.push_back(language == i18n::Language::ja ? std::to_string(month.month) + "月" : month_text(month));
        pages.values.push_back(static_cast<double>(year_months_[index].value_or(0)));
    }
    chart.series.push_back(std::move(pages));
    return chart;
}

std::string Billing::csv_path() const { return month_ ? "/api/v1/telemetry/billing.csv?month=" + month_text(*month_) : std::string(); }
std::string Billing::xlsx_path() const { return month_ ? "/api/v1/telemetry/billing.xlsx?month=" + month_text(*month_) : std::string(); }

}  // namespace madoguchi::client
