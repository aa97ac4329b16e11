#include "telemetry/billing_report_view.hpp"

#include <imgui.h>

#include <algorithm>

#include "api/form_errors.hpp"
#include "app/app.hpp"
#include "configuration/pane_widgets.hpp"
#include "telemetry/billing_report.hpp"
#include "telemetry/report_month_view.hpp"
#include "ui/charts.hpp"
#include "ui/data_table.hpp"
#include "ui/format.hpp"
#include "ui/item_registry.hpp"
#include "ui/list_state.hpp"

namespace madoguchi::client {
namespace {

using i18n::Language;

std::string pages(double count) { return format_number(count); }

void draw_month_bar(App& app, Billing& billing, ReportMonth today, Language language) {
    if (const auto month = draw_month_picker("billing_month", billing.month(), today, language)) {
        billing.show_month(app.api(), *month, today);
    }
    if (!app.can_download()) return;
    // The downloads are the shown month's; the server writes them from the same counters.
    ImGui::SameLine(0.0F, ImGui::GetFontSize());
    if (ImGui::Button(t("telemetry_office.billing.csv", language))) app.download(billing.csv_path());
    ImGui::SameLine();
    if (ImGui::Button(t("telemetry_office.billing.xlsx", language))) app.download(billing.xlsx_path());
}

void draw_contract(const BillingReport& report, Language language) {
    draw_heading(fill_template(i18n::text("telemetry_office.billing.contract", language),
                               {{"from", report.fiscal_year_start}, {"as_of", report.as_of}}));
    const auto used = fill_template(i18n::text("telemetry_office.billing.used", language),
                                    {{"pages", pages(static_cast<double>(report.year_pages))},
                                     {"contract", pages(static_cast<double>(report.contract_pages))},
                                     {"share", share_text(report.share_used)}});
    ImGui::ProgressBar(static_cast<float>(std::min(report.share_used, 1.0)), ImVec2(-1.0F, 0.0F), used.c_str());
    report_last_item(used, "progressbar", share_text(report.share_used));
    const auto status_key = "telemetry.pace." + report.status;
    const auto pace = fill_template(i18n::text("telemetry_office.billing.pace", language),
                                    {{"expected", share_text(report.expected_by_now)},
                                     {"projected", pages(report.projected_year)},
                                     {"projected_share", share_text(report.projected_share)},
                                     {"status", i18n::has_key(status_key) ? i18n::text(status_key, language) : report.status}});
    if (report.status == "over") {
        draw_alert(pace);
    } else {
        draw_status(pace);
    }
    draw_status(fill_template(i18n::text("telemetry_office.billing.month_pages", language),
                              {{"pages", pages(static_cast<double>(report.month_pages))}}));
}

}  // namespace

void draw_billing(App& app, Billing& billing) {
    const auto language = app.preferences().language;
    const auto today = month_of(calendar::now());
    if (billing.state() == Billing::State::idle) billing.load(app.api(), today);
    draw_month_bar(app, billing, today, language);
    if (billing.state() == Billing::State::failed) {
        if (draw_error_state(error_text(billing.error(), language), language)) billing.load(app.api(), today);
        return;
    }
    const auto& report = billing.report();
    if (!report || billing.state() == Billing::State::loading) {
        draw_loading_state(language);
        return;
    }
    draw_contract(*report, language);
    draw_chart(ChartKind::bar, billing.monthly_chart(language), ImGui::GetFontSize() * 10.0F, language);
    const float table_height = ImGui::GetFontSize() * 12.0F;
    draw_heading(i18n::text("telemetry_office.billing.by_division", language));
    DataTableOptions divisions;
    divisions.empty_message_key = "telemetry_office.billing.no_pages";
    divisions.height = table_height;
    draw_data_table("billing_divisions", billing.divisions(), divisions, language);
    draw_heading(i18n::text("telemetry_office.billing.by_device", language));
    DataTableOptions devices;
    devices.empty_message_key = "telemetry_office.billing.no_pages";
    devices.height = table_height;
    draw_data_table("billing_devices", billing.devices(), devices, language);
}

}  // namespace madoguchi::client
