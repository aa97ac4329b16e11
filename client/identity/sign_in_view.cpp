#include "identity/sign_in_view.hpp"

#include <imgui.h>

#include "app/app.hpp"
#include "ui/format.hpp"
#include "ui/item_registry.hpp"
#include "ui/style.hpp"
#include "ui/text_field.hpp"

namespace madoguchi::client {
namespace {

using i18n::Language;

void draw_language_switch(App& app) {
    auto& language = app.preferences().language;
    if (ImGui::RadioButton("日本語", language == Language::ja)) language = Language::ja;
    annotate_last_item("radio", language == Language::ja ? "true" : "false");
    ImGui::SameLine();
    if (ImGui::RadioButton("English", language == Language::en)) language = Language::en;
    annotate_last_item("radio", language == Language::en ? "true" : "false");
}

// The fields, the button and the answer; `with_language` adds the language switch where the
// page header (which has one) is not shown.
void draw_form(App& app, bool with_language) {
    auto& session = app.session();
    auto& form = session.form();
    const auto language = app.preferences().language;
    if (with_language) {
        draw_language_switch(app);
        ImGui::Spacing();
    }
    bool submit = false;
    ImGui::TextUnformatted(t("identity.sign_in.login", language));
    // Login IDs are ASCII: the scan field keeps the IME off and folds full-width letters.
    submit |= scan_field(i18n::text("identity.sign_in.login", language), form.login).submitted;
    ImGui::TextUnformatted(t("identity.sign_in.password", language));
    TextFieldOptions password;
    password.password = true;
    submit |= text_field(i18n::text("identity.sign_in.password", language), form.password, password).submitted;
    ImGui::Spacing();

    const bool busy = session.busy();
    ImGui::BeginDisabled(busy || form.login.empty() || form.password.empty());
    submit |= ImGui::Button(t("identity.sign_in.submit", language));
    ImGui::EndDisabled();
    if (busy) {
        ImGui::SameLine();
        ImGui::TextDisabled("%s", t("identity.sign_in.busy", language));
        report_last_item(i18n::text("identity.sign_in.busy", language), "status");
    }
    if (submit && !busy && !form.login.empty() && !form.password.empty()) session.sign_in();

    if (const auto error = session.sign_in_error(language); !error.empty()) {
        ImGui::Spacing();
        ImGui::PushStyleColor(ImGuiCol_Text, status_colours().error);
        ImGui::PushTextWrapPos(0.0F);
        ImGui::TextUnformatted(error.c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
        report_last_item(error, "alert");
    }
}

}  // namespace

void draw_sign_in_page(App& app) {
    const auto language = app.preferences().language;
    const float width = std::min(ImGui::GetFontSize() * 24.0F, ImGui::GetContentRegionAvail().x);
    ImGui::SetCursorPosX(std::max(ImGui::GetCursorPosX(), (ImGui::GetWindowWidth() - width) * 0.5F));
    ImGui::BeginChild("sign_in", ImVec2(width, 0.0F), false);
    ImGui::Spacing();
    ImGui::TextUnformatted(t("identity.sign_in.title", language));
    ImGui::Separator();
    ImGui::Spacing();
    if (app.session().state() == SessionState::starting) {
        ImGui::TextDisabled("%s", t("identity.sign_in.checking", language));
    } else {
        draw_form(app, app.terminal().kiosk);
    }
    ImGui::EndChild();
}

void draw_sign_in_overlay(App& app) {
    const auto language = app.preferences().language;
    const auto title = i18n::text("identity.sign_in.title", language) + "###session_ended";
    if (!ImGui::IsPopupOpen(title.c_str())) ImGui::OpenPopup(title.c_str());
    const auto* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Always, ImVec2(0.5F, 0.5F));
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 24.0F, 0.0F));
    constexpr auto flags = ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize;
    if (!ImGui::BeginPopupModal(title.c_str(), nullptr, flags)) return;
    ImGui::PushTextWrapPos(0.0F);
    ImGui::TextUnformatted(t("identity.sign_in.session_ended", language));
    ImGui::PopTextWrapPos();
    report_last_item(i18n::text("identity.sign_in.session_ended", language), "alert");
    ImGui::Spacing();
    draw_form(app, true);
    if (app.session().state() != SessionState::session_ended) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

}  // namespace madoguchi::client
