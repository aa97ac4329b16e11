#include "telemetry/report_month_view.hpp"

#include <imgui.h>

#include "ui/format.hpp"
#include "ui/item_registry.hpp"

namespace madoguchi::client {

std::optional<ReportMonth> draw_month_picker(const char* id, const ReportMonthState& month, ReportMonth today,
                                             i18n::Language language) {
    std::optional<ReportMonth> read;
    const auto shown = month.shown().value_or(today);
    ImGui::PushID(id);
    if (ImGui::ArrowButton("earlier", ImGuiDir_Left)) read = add_months(shown, -1);
    report_last_item(i18n::text("telemetry_office.earlier", language), "button");
    ImGui::SameLine();
    const auto label = month_label(shown, language);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(label.c_str());
    report_last_item(label, "status", month_text(shown));
    ImGui::SameLine();
    ImGui::BeginDisabled(!month.can_go_later(today));
    if (ImGui::ArrowButton("later", ImGuiDir_Right)) read = add_months(shown, 1);
    report_last_item(i18n::text("telemetry_office.later", language), "button");
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button(t("telemetry_office.reload", language))) read = shown;
    ImGui::PopID();
    return read;
}

}  // namespace madoguchi::client
