#include "app/app_view.hpp"

#include <imgui.h>

#include <algorithm>

#include "ui/format.hpp"

#include "admin/user_admin_view.hpp"
#include "app/app.hpp"
#include "audit/audit_view.hpp"
#include "counter/counter_view.hpp"
#include "dashboard/dashboard_view.hpp"
#include "identity/sign_in_view.hpp"
#include "identity/user_menu_view.hpp"
#include "configuration/configuration_view.hpp"
#include "knowledge/knowledge_view.hpp"
#include "notifications/inbox_view.hpp"
#include "notifications/routing_editor_view.hpp"
#include "inventory/inventory_view.hpp"
#include "placement/placement_view.hpp"
#include "kit/kit_view.hpp"
#include "lending/lending_view.hpp"
#include "telemetry/telemetry_view.hpp"
#include "tickets/inquiry_view.hpp"
#include "tickets/ticket_list_view.hpp"
#include "ui/item_registry.hpp"

namespace madoguchi::client {
namespace {

using i18n::Language;

void draw_text_size(Preferences& preferences, Language language) {
    const bool at_smallest = preferences.text_percent <= Preferences::smallest_text_percent;
    const bool at_largest = preferences.text_percent >= Preferences::largest_text_percent;
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(t("settings.text_size", language));
    ImGui::SameLine();
    ImGui::BeginDisabled(at_smallest);
    if (ImGui::Button(t("settings.smaller", language))) preferences.text_percent -= Preferences::text_percent_step;
    ImGui::EndDisabled();
    ImGui::SameLine();
    const auto percent = std::to_string(preferences.text_percent) + "%";
    ImGui::TextUnformatted(percent.c_str());
    report_last_item(percent, "status");
    ImGui::SameLine();
    ImGui::BeginDisabled(at_largest);
    if (ImGui::Button(t("settings.larger", language))) preferences.text_percent += Preferences::text_percent_step;
    ImGui::EndDisabled();
}

void draw_header(App& app, calendar::Instant now) {
    auto& preferences = app.preferences();
    const auto language = preferences.language;
    ImGui::TextUnformatted(t("app.title", language));

    // The settings sit at the right edge; their width is last frame's, kept in ImGui's storage.
    // When large text leaves no room beside the title they move to a line of their own.
    auto* storage = ImGui::GetStateStorage();
    const auto width_key = ImGui::GetID("settings_width");
    const float settings_width = storage->GetFloat(width_key, 0.0F);
    const float right_edge = ImGui::GetWindowContentRegionMax().x;
    const float title_end = ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x + ImGui::GetFontSize();
    if (title_end + settings_width <= right_edge) ImGui::SameLine();
    ImGui::SetCursorPosX(std::max(ImGui::GetCursorPosX(), right_edge - settings_width));
    ImGui::BeginGroup();
    if (app.session().user() != nullptr) {
        draw_notification_bell(app, now);
        ImGui::SameLine();
        draw_user_menu(app);
        ImGui::SameLine(0.0F, ImGui::GetFontSize());
    }
    draw_text_size(preferences, language);
    ImGui::SameLine(0.0F, ImGui::GetFontSize());
    bool high_contrast = preferences.theme == Theme::high_contrast;
    if (ImGui::Checkbox(t("settings.high_contrast", language), &high_contrast)) {
        preferences.theme = high_contrast ? Theme::high_contrast : Theme::standard;
    }
    ImGui::SameLine(0.0F, ImGui::GetFontSize());
    if (ImGui::RadioButton("日本語", language == Language::ja)) preferences.language = Language::ja;
    annotate_last_item("radio", language == Language::ja ? "true" : "false");
    ImGui::SameLine();
    if (ImGui::RadioButton("English", language == Language::en)) preferences.language = Language::en;
    annotate_last_item("radio", language == Language::en ? "true" : "false");
    ImGui::SameLine(0.0F, ImGui::GetFontSize());
    ImGui::Checkbox(t("settings.wareki", language), &preferences.wareki);
    ImGui::EndGroup();
    storage->SetFloat(width_key, ImGui::GetItemRectSize().x);
    ImGui::Separator();
}

// A full-width band with a message and one button; true when the button was pressed.
bool draw_banner(const char* id, const ImVec4& background, const std::string& message, std::string_view role,
                 const char* button) {
    ImGui::PushStyleColor(ImGuiCol_ChildBg, background);
    const float height = ImGui::GetFrameHeight() + ImGui::GetStyle().WindowPadding.y * 2.0F;
    ImGui::BeginChild(id, ImVec2(0.0F, height), true, ImGuiWindowFlags_NoScrollbar);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(message.c_str());
    report_last_item(message, role);
    ImGui::SameLine();
    const bool pressed = ImGui::Button(button);
    ImGui::EndChild();
    ImGui::PopStyleColor();
    return pressed;
}

// Shown while the server cannot be reached and its requests are being retried.
void draw_connection_banner(App& app) {
    auto& api = app.api();
    if (!api.offline()) return;
    const auto language = app.preferences().language;
    if (draw_banner("connection_banner", status_colours().warning_background, i18n::text("connection.offline", language),
                    "alert", t("connection.retry_now", language))) {
        api.retry_now();
    }
}

// Shown when the browser holds a newer build than the one running: reloading switches the
// whole page (shell, script and WebAssembly) to it at once.
void draw_update_banner(App& app) {
    if (!app.update_available()) return;
    const auto language = app.preferences().language;
    if (draw_banner("update_banner", status_colours().info_background, i18n::text("update.available", language),
                    "status", t("update.reload", language))) {
        app.request_reload();
    }
}

void draw_navigation(App& app, float width) {
    const auto language = app.preferences().language;
    ImGui::BeginChild("navigation", ImVec2(width, 0.0F), true);
    for (const auto& info : areas()) {
        if (!app.allowed(info.area)) continue;
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
    const auto language = app.preferences().language;
    const auto session = app.session().state();
    // Nobody signed in (or not known yet): the sign-in screen instead of the app. An ended
    // session keeps the app on screen, under the sign-in overlay.
    const bool sign_in_page = session == SessionState::starting || session == SessionState::signed_out;
    if (app.terminal().kiosk) {
        // The counter and nothing else: no navigation, no settings, the banner if offline.
        draw_connection_banner(app);
        if (sign_in_page) {
            draw_sign_in_page(app);
        } else {
            draw_counter(app, std::chrono::system_clock::now());
        }
        ImGui::End();
        if (session == SessionState::session_ended) draw_sign_in_overlay(app);
        draw_toasts(app.toasts(), language);
        return;
    }
    draw_header(app, now);
    draw_connection_banner(app);
    draw_update_banner(app);
    if (sign_in_page) {
        draw_sign_in_page(app);
        ImGui::End();
        draw_toasts(app.toasts(), language);
        return;
    }

    const float navigation_width = ImGui::GetFontSize() * 11.0F;
    draw_navigation(app, navigation_width);
    ImGui::SameLine();
    ImGui::BeginChild("content", ImVec2(0.0F, 0.0F), false);
    ImGui::TextUnformatted(t(label_key(app.area()), language));
    ImGui::Spacing();
    if (app.area() == Area::dashboard) {
        draw_dashboard(app.dashboard(), app.api(), app.preferences().language, app.preferences().wareki, now);
    } else if (app.area() == Area::counter) {
        draw_counter(app, std::chrono::system_clock::now());
    } else if (app.area() == Area::tickets) {
        draw_inquiry_page(app, now);
    } else if (app.area() == Area::lending) {
        draw_lending_page(app, now);
    } else if (app.area() == Area::telemetry) {
        draw_telemetry_page(app);
    } else if (app.area() == Area::ticket_desk) {
        draw_ticket_desk_page(app);
    } else if (app.area() == Area::users) {
        draw_users_page(app);
    } else if (app.area() == Area::inventory) {
        draw_inventory_page(app);
    } else if (app.area() == Area::placement) {
        draw_placement_page(app, now);
    } else if (app.area() == Area::configuration) {
        draw_configuration_page(app);
    } else if (app.area() == Area::knowledge) {
        draw_knowledge_page(app);
    } else if (app.area() == Area::audit) {
        draw_audit_page(app, now);
    } else if (app.area() == Area::admin) {
        draw_routing_editor_page(app);
    } else if (app.area() == Area::kit) {
        draw_kit(app, now);
    } else {
        draw_area_not_ready(language);
    }
    ImGui::EndChild();
    ImGui::End();
    if (session == SessionState::session_ended) draw_sign_in_overlay(app);
    draw_password_dialog(app);
    draw_toasts(app.toasts(), language);
}

}  // namespace madoguchi::client
