#include "dashboard/dashboard_view.hpp"

#include <imgui.h>

#include "ui/format.hpp"
#include "ui/style.hpp"

namespace madoguchi::client {
namespace {

using i18n::Language;

// A titled, bordered card whose height fits `lines` lines of text.
bool begin_card(const char* id, const char* title, float width, int lines) {
    const float height = ImGui::GetTextLineHeightWithSpacing() * static_cast<float>(lines + 1) +
                         ImGui::GetStyle().WindowPadding.y * 2.0F + ImGui::GetStyle().ItemSpacing.y;
    const bool visible = ImGui::BeginChild(id, ImVec2(width, height), true);
    ImGui::TextUnformatted(title);
    ImGui::Separator();
    return visible;
}

void labelled(const char* label, const std::string& value) {
    ImGui::TextDisabled("%s", label);
    ImGui::SameLine(ImGui::GetFontSize() * 9.0F);
    ImGui::TextUnformatted(value.c_str());
}

void draw_error(const api::ApiError& error, Language language) {
    ImGui::PushStyleColor(ImGuiCol_Text, status_colours().error);
    ImGui::TextWrapped("%s", (language == Language::ja ? error.message_ja : error.message).c_str());
    ImGui::PopStyleColor();
}

void draw_server_card(DashboardViewModel& model, ApiClient& api, Language language, bool wareki, calendar::Instant now,
                       float width) {
    begin_card("server", t("dashboard.server", language), width, 4);
    const auto server = model.server(language, wareki);
    if (model.health_state() == LoadState::failed) {
        ImGui::TextColored(status_colours().error, "● %s", t("dashboard.server_unreachable", language));
        draw_error(model.health_error(), language);
        if (ImGui::Button(t("dashboard.retry", language))) model.retry(api, now);
    } else if (!server) {
        ImGui::TextDisabled("%s", t("dashboard.server_checking", language));
    } else {
        ImGui::TextColored(server->ok ? status_colours().ok : status_colours().error, "● %s", server->state_label.c_str());
        labelled(t("dashboard.version", language), server->version);
        labelled(t("dashboard.database", language), server->database_label);
        labelled(t("dashboard.server_time", language), server->time);
    }
    ImGui::EndChild();
}

void draw_desk_card(const DashboardViewModel& model, Language language, bool wareki, calendar::Instant now, float width) {
    begin_card("desk", t("dashboard.desk", language), width, 4);
    const auto desk = model.desk(now, language, wareki);
    ImGui::TextColored(desk.open ? status_colours().ok : status_colours().muted, "● %s", desk.state_label.c_str());
    const bool ja = language == Language::ja;
    labelled(desk.countdown_label.c_str(),
             desk.countdown + (ja ? "（" : " (") + desk.next_change_at + (ja ? "）" : ")"));
    labelled(t("dashboard.today", language), desk.today + "  " + desk.day_kind);
    labelled(t("dashboard.service_hours", language), desk.service_hours);
    ImGui::EndChild();
}

void draw_holidays_card(DashboardViewModel& model, ApiClient& api, Language language, bool wareki,
                        calendar::Instant now) {
    begin_card("holidays", t("dashboard.holidays", language), 0.0F, DashboardViewModel::holidays_shown + 2);
    switch (model.holidays_state()) {
        case LoadState::idle:
        case LoadState::loading:
            ImGui::TextDisabled("%s", t("app.loading", language));
            break;
        case LoadState::failed:
            draw_error(model.holidays_error(), language);
            if (ImGui::Button(t("dashboard.retry", language))) model.retry(api, now);
            break;
        case LoadState::loaded: {
            const auto rows = model.holiday_rows(now, language, wareki);
            if (rows.empty()) {
                ImGui::TextDisabled("%s", t("dashboard.holidays_empty", language));
                break;
            }
            constexpr auto flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
            if (ImGui::BeginTable("holiday_table", 2, flags)) {
                ImGui::TableSetupColumn(t("dashboard.date", language), ImGuiTableColumnFlags_WidthStretch, 1.0F);
                ImGui::TableSetupColumn(t("dashboard.holiday_name", language), ImGuiTableColumnFlags_WidthStretch, 1.6F);
                ImGui::TableHeadersRow();
                for (const auto& row : rows) {
                    ImGui::TableNextRow();
                    ImGui::TableNextColumn();
                    if (row.within_week) {
                        ImGui::TextColored(status_colours().warning, "%s", row.date.c_str());
                    } else {
                        ImGui::TextUnformatted(row.date.c_str());
                    }
                    ImGui::TableNextColumn();
                    ImGui::TextUnformatted(row.name.c_str());
                }
                ImGui::EndTable();
            }
            break;
        }
    }
    ImGui::EndChild();
}

}  // namespace

void draw_dashboard(DashboardViewModel& model, ApiClient& api, Language language, bool wareki, calendar::Instant now) {
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float available = ImGui::GetContentRegionAvail().x;
    // Two cards side by side need room for a line such as "2時間43分（2026-11-26（木） 8:30）".
    const bool side_by_side = available > ImGui::GetFontSize() * 52.0F;
    const float card_width = side_by_side ? (available - spacing) * 0.5F : available;
    draw_server_card(model, api, language, wareki, now, card_width);
    if (side_by_side) ImGui::SameLine();
    draw_desk_card(model, language, wareki, now, card_width);
    draw_holidays_card(model, api, language, wareki, now);
}

}  // namespace madoguchi::client
