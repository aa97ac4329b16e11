#include "telemetry/chatbot_availability_view.hpp"

#include <imgui.h>

#include <cmath>

#include "app/app.hpp"
#include "configuration/pane_widgets.hpp"
#include "telemetry/chatbot_availability.hpp"
#include "telemetry/report_month_view.hpp"
#include "ui/charts.hpp"
#include "ui/form_field.hpp"
#include "ui/format.hpp"
#include "ui/item_registry.hpp"
#include "ui/list_state.hpp"

namespace madoguchi::client {
namespace {

using i18n::Language;
using identity::Role;
using Clock = std::chrono::steady_clock;

std::string span_text(calendar::Instant from, calendar::Instant to, Language language, bool wareki) {
    return format_display_time(from, language, wareki) + " – " + format_display_time(to, language, wareki);
}

void draw_figures(const MonthAvailability& month, Language language) {
    const auto availability = fill_template(i18n::text("telemetry_office.chatbot.figures", language),
                                            {{"percent", percent_text(month.percent)},
                                             {"up", std::to_string(month.up)},
                                             {"probes", std::to_string(month.probes - month.in_maintenance)},
                                             {"outage", format_duration(month.outage_seconds, language)}});
    ImGui::TextUnformatted(availability.c_str());
    report_last_item(availability, "status", percent_text(month.percent));
    const auto average = month.average_response_milliseconds
                             ? std::to_string(static_cast<long long>(std::lround(*month.average_response_milliseconds)))
                             : std::string("—");
    draw_status(fill_template(i18n::text("telemetry_office.chatbot.response", language),
                              {{"average", average}, {"slowest", std::to_string(month.slowest_response_milliseconds)}}));
}

void draw_outages(const MonthAvailability& month, Language language, bool wareki) {
    draw_heading(fill_template(i18n::text("telemetry_office.chatbot.outages", language), {{"count", std::to_string(month.outages.size())}}));
    if (month.outages.empty()) ImGui::TextDisabled("%s", t("telemetry_office.chatbot.no_outages", language));
    for (const auto& outage : month.outages) {
        const auto line = fill_template(i18n::text("telemetry_office.chatbot.outage", language),
                                        {{"span", span_text(outage.from, outage.to, language, wareki)},
                                         {"duration", format_duration(outage.to.unix_seconds - outage.from.unix_seconds, language)}});
        ImGui::BulletText("%s", line.c_str());
        report_last_item(line, "listitem", "outage");
    }
}

void draw_maintenance(const MonthAvailability& month, Language language, bool wareki) {
    draw_heading(fill_template(i18n::text("telemetry_office.chatbot.maintenance", language),
                               {{"count", std::to_string(month.maintenance.size())},
                                {"failed", std::to_string(month.down_in_maintenance)}}));
    if (month.maintenance.empty()) ImGui::TextDisabled("%s", t("telemetry_office.chatbot.no_maintenance", language));
    for (const auto& window : month.maintenance) {
        auto line = span_text(window.starts_at, window.ends_at, language, wareki) + "  " + window.title;
        if (!window.ticket_number.empty()) line += "（" + window.ticket_number + "）";
        ImGui::BulletText("%s", line.c_str());
        report_last_item(line, "listitem", "maintenance");
    }
}

void draw_form(App& app, ChatbotAvailability& chatbot, ReportMonth today, Language language) {
    draw_heading(i18n::text("telemetry_office.chatbot.form", language));
    auto& draft = chatbot.draft();
    const auto& errors = chatbot.form_errors();
    const auto starts_error = errors.field("starts_at", language);
    const auto ends_error = errors.field("ends_at", language);
    const auto title_error = errors.field("title", language);
    const auto ticket_error = errors.field("ticket_id", language);
    const auto hint = i18n::text("telemetry_office.chatbot.time_hint", language);
    form_text_field(FieldFrame{i18n::text("telemetry_office.chatbot.starts_at", language), true, starts_error, hint}, draft.starts_at,
                    language);
    form_text_field(FieldFrame{i18n::text("telemetry_office.chatbot.ends_at", language), true, ends_error, hint}, draft.ends_at, language);
    form_text_field(FieldFrame{i18n::text("telemetry_office.chatbot.title", language), true, title_error, {}}, draft.title, language);
    form_text_field(FieldFrame{i18n::text("telemetry_office.chatbot.ticket", language), false, ticket_error,
                               i18n::text("telemetry_office.chatbot.ticket_hint", language)},
                    draft.ticket_id, language);
    draw_alert(errors.general(language));
    ImGui::BeginDisabled(chatbot.adding());
    if (ImGui::Button(t("telemetry_office.chatbot.add", language))) chatbot.add_maintenance(app.api(), today);
    ImGui::EndDisabled();
}

}  // namespace

void draw_chatbot_availability(App& app, ChatbotAvailability& chatbot) {
    const auto language = app.preferences().language;
    const bool wareki = app.preferences().wareki;
    const auto today = month_of(calendar::now());
    if (chatbot.state() == ChatbotAvailability::State::idle) chatbot.load(app.api(), today);
    if (const auto added = chatbot.take_added(); !added.empty()) {
        app.toasts().show(ToastKind::success, "telemetry_office.chatbot.added", Clock::now(), added);
    }
    if (const auto month = draw_month_picker("chatbot_month", chatbot.month(), today, language)) {
        chatbot.show_month(app.api(), *month, today);
    }
    if (chatbot.state() == ChatbotAvailability::State::failed) {
        if (draw_error_state(error_text(chatbot.error(), language), language)) chatbot.load(app.api(), today);
        return;
    }
    const auto& shown = chatbot.shown();
    if (!shown || chatbot.state() == ChatbotAvailability::State::loading) {
        draw_loading_state(language);
        return;
    }
    // The form beside the report, so a window can be entered while the month stays in view.
    const auto* user = app.session().user();
    const bool plans = user != nullptr && user->has_any({Role::desk_operator, Role::it_office, Role::admin});
    const float form_width = plans ? ImGui::GetContentRegionAvail().x * 0.36F : 0.0F;
    ImGui::BeginChild("chatbot_availability", ImVec2(-form_width, 0.0F));
    if (shown->probes == 0) draw_status(i18n::text("telemetry_office.chatbot.no_probes", language));
    draw_figures(*shown, language);
    draw_chart(ChartKind::bar, chatbot.chart(language), ImGui::GetFontSize() * 10.0F, language);
    draw_outages(*shown, language, wareki);
    ImGui::Separator();
    draw_maintenance(*shown, language, wareki);
    ImGui::EndChild();
    if (plans) {
        ImGui::SameLine();
        ImGui::BeginChild("chatbot_maintenance_form", ImVec2(0.0F, 0.0F), true);
        draw_form(app, chatbot, today, language);
        ImGui::EndChild();
    }
}

}  // namespace madoguchi::client
