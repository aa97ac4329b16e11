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
    if (const auto months = document.find("months"); months != document.end() && months->is_array()) {
        for (const auto& item : *months) {
            if (item.is_object()) report.months.push_back({string_field(item, "month"), integer_field(item, "pages")});
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
    const auto shown = month_.settle(today);
    ++generation_;
    state_ = State::loading;
    api.get("/api/v1/telemetry/billing?month=" + month_text(shown), [this, generation = generation_](const ApiResult& result) {
        if (generation == generation_) accept(result);
    });
}

void Billing::show_month(ApiClient& api, ReportMonth month, ReportMonth today) {
    month_.pick(month);
    load(api, today);
}

void Billing::clear() {
    ++generation_;
    state_ = State::idle;
    month_.clear();
    report_.reset();
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
    division_table_.set_rows(report_->divisions.size());
    device_table_.set_rows(report_->devices.size());
    error_ = {};
    state_ = State::loaded;
}

ChartData Billing::monthly_chart(i18n::Language language) const {
    ChartData chart;
    chart.title = i18n::text("telemetry_office.billing.chart", language);
    if (!report_) return chart;
    Series pages{i18n::text("telemetry_office.billing.column.pages", language), {}};
    for (const auto& item : report_->months) {
        const auto month = parse_report_month(item.month);
        if (!month) continue;
        chart.categories.push_back(language == i18n::Language::ja ? std::to_string(month->month) + "月" : item.month);
        pages.values.push_back(static_cast<double>(item.pages));
    }
    chart.series.push_back(std::move(pages));
    return chart;
}

std::string Billing::csv_path() const {
    const auto shown = month_.shown();
    return shown ? "/api/v1/telemetry/billing.csv?month=" + month_text(*shown) : std::string();
}
std::string Billing::xlsx_path() const {
    const auto shown = month_.shown();
    return shown ? "/api/v1/telemetry/billing.xlsx?month=" + month_text(*shown) : std::string();
}

}  // namespace madoguchi::client
