#include "app/app_view.hpp"

#include <imgui.h>

#include "ui/format.hpp"

#include "app/app.hpp"
#include "dashboard/dashboard_view.hpp"
#include "ui/item_registry.hpp"

namespace madoguchi::client {
namespace {

using i18n::Language;

void draw_header(App& app) {
    auto& preferences = app.preferences();
    const auto language = preferences.language;
    ImGui::TextUnformatted(t("app.title", language));

    // Settings sit at the right edge of the header: measure them as ImGui will lay them out.
    const auto& style = ImGui::GetStyle();
    float settings_width = 2.0F * style.ItemSpacing.x;
    for (const char* label : {"日本語", "English", t("settings.wareki", language)}) {
        settings_width += ImGui::GetFrameHeight() + style.ItemInnerSpacing.x + ImGui::CalcTextSize(label).x;
    }
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - settings_width);
    if (ImGui::RadioButton("日本語", language == Language::ja)) preferences.language = Language::ja;
    annotate_last_item("radio", language == Language::ja ? "true" : "false");
    ImGui::SameLine();
    if (ImGui::RadioButton("English", language == Language::en)) preferences.language = Language::en;
    annotate_last_item("radio", language == Language::en ? "true" : "false");
    ImGui::SameLine();
    ImGui::Checkbox(t("settings.wareki", language), &preferences.wareki);
    ImGui::Separator();
}

// Shown while the server cannot be reached and its requests are being retried.
void draw_connection_banner(App& app) {
    auto& api = app.api();
    if (!api.offline()) return;
    const auto language = app.preferences().language;
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(1.0F, 0.93F, 0.80F, 1.0F));
    const float height = ImGui::GetFrameHeight() + ImGui::GetStyle().WindowPadding.y * 2.0F;
    ImGui::BeginChild("connection_banner", ImVec2(0.0F, height), true, ImGuiWindowFlags_NoScrollbar);
    const auto& message = i18n::text("connection.offline", language);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(message.c_str());
    report_last_item(message, "alert");
    ImGui::SameLine();
    if (ImGui::Button(t("connection.retry_now", language))) api.retry_now();
    ImGui::EndChild();
    ImGui::PopStyleColor();
}

void draw_navigation(App& app, float width) {
    const auto language = app.preferences().language;
    ImGui::BeginChild("navigation", ImVec2(width, 0.0F), true);
    for (const auto& info : areas()) {
        const bool current = app.area() == info.area;
        if (ImGui::Selectable(t(info.label_key, language), current)) app.select(info.area);
        annotate_last_item("tab", current ? "selected" : "");
    }
    ImGui::EndChild();
}

void draw_area_not_ready(Language language) {
    ImGui::Spacing();
    ImGui::TextDisabled("%s", t("nav.coming_soon", language));
}

}  // namespace

void draw_app(App& app, calendar::Instant now) {
    const auto& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(0.0F, 0.0F));
    ImGui::SetNextWindowSize(io.DisplaySize);
    constexpr auto flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                           ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::Begin("madoguchi", nullptr, flags);
    draw_header(app);
    draw_connection_banner(app);

    const float navigation_width = ImGui::GetFontSize() * 11.0F;
    draw_navigation(app, navigation_width);
    ImGui::SameLine();
    ImGui::BeginChild("content", ImVec2(0.0F, 0.0F), false);
    const auto language = app.preferences().language;
    ImGui::TextUnformatted(t(label_key(app.area()), language));
    ImGui::Spacing();
    if (app.area() == Area::dashboard) {
        draw_dashboard(app.dashboard(), app.api(), app.preferences().language, app.preferences().wareki, now);
    } else {
        draw_area_not_ready(language);
    }
    ImGui::EndChild();
    ImGui::End();
}

}  // namespace madoguchi::client
