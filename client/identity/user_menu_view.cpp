#include "identity/user_menu_view.hpp"

#include <imgui.h>

#include "app/app.hpp"
#include "ui/form_field.hpp"
#include "ui/format.hpp"
#include "ui/item_registry.hpp"
#include "ui/key_map.hpp"
#include "ui/style.hpp"

namespace madoguchi::client {
namespace {

using i18n::Language;

std::string roles_text(const CurrentUser& user, Language language) {
    std::string text;
    for (const auto role : user.roles) {
        if (!text.empty()) text += language == Language::ja ? "、" : ", ";
        text += i18n::text(identity::role_label_key(role), language);
    }
    return text;
}

void report_line(const std::string& text) {
    ImGui::TextUnformatted(text.c_str());
    report_last_item(text, "text");
}

}  // namespace

void draw_user_menu(App& app) {
    const auto* user = app.session().user();
    if (user == nullptr) return;
    const auto language = app.preferences().language;
    std::string label = user->name.empty() ? user->login : user->name;
    label += "##user_menu";
    if (ImGui::Button(label.c_str())) ImGui::OpenPopup("user_menu");
    annotate_last_item("menu", "");
    if (!ImGui::BeginPopup("user_menu")) return;
    report_line(user->name);
    report_line(app.divisions().name_of(user->division_code, language));
    report_line(roles_text(*user, language));
    ImGui::Separator();
    const bool signed_in = app.session().state() == SessionState::signed_in;
    ImGui::BeginDisabled(!signed_in);
    if (ImGui::Selectable(t("identity.menu.change_password", language))) {
        app.password_change().clear();
        app.password_dialog_open() = true;
    }
    ImGui::EndDisabled();
    if (ImGui::Selectable(t("identity.menu.sign_out", language))) {
        app.save_drafts_now();
        app.session().sign_out();
    }
    ImGui::EndPopup();
}

void draw_password_dialog(App& app) {
    auto& open = app.password_dialog_open();
    auto& change = app.password_change();
    const auto language = app.preferences().language;
    switch (change.take_outcome()) {
        case PasswordChange::Outcome::changed:
            open = false;
            app.toasts().show(ToastKind::success, "identity.password.changed", Toasts::Clock::now());
            break;
        case PasswordChange::Outcome::failed:
        case PasswordChange::Outcome::none:
            break;
    }
    const auto title = i18n::text("identity.menu.change_password", language) + "###password_dialog";
    if (open && !ImGui::IsPopupOpen(title.c_str())) ImGui::OpenPopup(title.c_str());
    const auto* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5F, 0.5F));
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 24.0F, 0.0F));
    if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_NoSavedSettings)) {
        open = false;
        return;
    }
    TextFieldOptions password;
    password.password = true;
    const auto& errors = change.errors();
    bool submit = false;
    const auto current_error = errors.field("current_password", language);
    submit |= form_text_field({i18n::text("identity.password.current", language), true, current_error, {}},
                              change.current, language, password).submitted;
    const auto new_error = errors.field("new_password", language);
    submit |= form_text_field({i18n::text("identity.password.new", language), true, new_error,
                               i18n::text("identity.password.rule", language)},
                              change.chosen, language, password).submitted;
    const auto confirmation_error = errors.field("confirmation", language);
    submit |= form_text_field({i18n::text("identity.password.confirm", language), true, confirmation_error, {}},
                              change.confirmation, language, password).submitted;
    if (const auto general = errors.general(language); !general.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, status_colours().error);
        ImGui::TextWrapped("%s", general.c_str());
        ImGui::PopStyleColor();
        report_last_item(general, "alert");
    }
    ImGui::BeginDisabled(change.busy());
    submit |= ImGui::Button(t("identity.password.submit", language));
    ImGui::EndDisabled();
    if (submit) change.submit(app.api());
    ImGui::SameLine();
    if (ImGui::Button(t("identity.cancel", language)) || ImGui::IsKeyPressed(key_escape, false)) {
        change.clear();
        open = false;
    }
    if (!open) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

}  // namespace madoguchi::client
