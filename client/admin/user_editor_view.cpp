// The edit panel of ユーザー管理 and the 新規ユーザー dialog.
#include <imgui.h>

#include "admin/user_admin_view.hpp"
#include "admin/user_form_view.hpp"
#include "app/app.hpp"
#include "ui/form_field.hpp"
#include "ui/format.hpp"
#include "ui/item_registry.hpp"
#include "ui/key_map.hpp"
#include "ui/style.hpp"

namespace madoguchi::client {
namespace {

using i18n::Language;

void draw_general_error(const FormErrors& errors, Language language) {
    const auto general = errors.general(language);
    if (general.empty()) return;
    ImGui::PushStyleColor(ImGuiCol_Text, status_colours().error);
    ImGui::TextWrapped("%s", general.c_str());
    ImGui::PopStyleColor();
    report_last_item(general, "alert");
}

std::string roles_text(const std::vector<identity::Role>& roles, Language language) {
    std::string text;
    for (const auto role : roles) {
        if (!text.empty()) text += language == Language::ja ? "、" : ", ";
        text += i18n::text(identity::role_label_key(role), language);
    }
    return text;
}

void draw_read_only(App& app, const UserRecord& user, Language language) {
    const auto& divisions = app.divisions();
    draw_user_value("admin.field.login", user.fields.login, language);
    draw_user_value("admin.field.name", user.fields.name, language);
    if (!user.fields.name_kana.empty()) draw_user_value("admin.field.name_kana", user.fields.name_kana, language);
    draw_user_value("admin.field.division", divisions.name_of(user.fields.division_code, language), language);
    draw_user_value("admin.field.roles", roles_text(user.fields.roles, language), language);
    if (!user.fields.vendor_company.empty()) draw_user_value("admin.field.vendor_company", user.fields.vendor_company, language);
    draw_user_value("admin.field.email", user.fields.email, language);
    draw_user_value("admin.column.status", i18n::text(user.disabled ? "admin.status.disabled" : "admin.status.enabled", language),
                    language);
}

// 無効化 / 有効化 and パスワード設定: each asks first.
void draw_account_actions(UserAdminPage& page, const UserRecord& user, Language language) {
    auto& editor = page.editor;
    ImGui::Separator();
    ImGui::BeginDisabled(editor.busy());
    if (ImGui::Button(t(user.disabled ? "admin.enable" : "admin.disable", language))) {
        page.pending = user.disabled ? UserAdminPage::Pending::enable : UserAdminPage::Pending::disable;
        page.confirm.ask({i18n::text(user.disabled ? "admin.enable" : "admin.disable", language),
                          fill_template(i18n::text(user.disabled ? "admin.enable_confirm" : "admin.disable_confirm", language),
                                        {{"login", user.fields.login}}),
                          i18n::text(user.disabled ? "admin.enable" : "admin.disable", language),
                          i18n::text("identity.cancel", language), !user.disabled});
    }
    ImGui::EndDisabled();
    ImGui::Spacing();
    TextFieldOptions password;
    password.password = true;
    const auto error = editor.errors().field("password", language);
    form_text_field({i18n::text("admin.field.new_password", language), false, error,
                     i18n::text("identity.password.rule", language)},
                    editor.new_password, language, password);
    ImGui::BeginDisabled(editor.busy() || editor.new_password.empty());
    if (ImGui::Button(t("admin.set_password", language))) {
        page.pending = UserAdminPage::Pending::set_password;
        page.confirm.ask({i18n::text("admin.set_password", language),
                          fill_template(i18n::text("admin.set_password_confirm", language), {{"login", user.fields.login}}),
                          i18n::text("admin.set_password", language), i18n::text("identity.cancel", language), true});
    }
    ImGui::EndDisabled();
}

}  // namespace

void draw_user_panel(App& app, UserAdminPage& page, bool may_change) {
    const auto language = app.preferences().language;
    auto& editor = page.editor;
    const auto* user = editor.user();
    if (user == nullptr) return;
    ImGui::TextUnformatted(user->fields.login.c_str());
    report_last_item(user->fields.login, "heading");
    ImGui::Separator();
    if (!may_change) {
        draw_read_only(app, *user, language);
        return;
    }
    const auto record = *user;  // the panel may reopen with the server's answer below
    draw_user_fields(editor.values(), editor.errors(), app.divisions(), false, language);
    draw_general_error(editor.errors(), language);
    ImGui::BeginDisabled(editor.busy() || !editor.changed());
    if (ImGui::Button(t("admin.save", language))) editor.save(app.api());
    ImGui::EndDisabled();
    draw_account_actions(page, record, language);
}

void draw_new_user_dialog(App& app, UserAdminPage& page) {
    const auto language = app.preferences().language;
    const auto title = i18n::text("admin.new_user", language) + "###new_user";
    if (page.new_user_open && !ImGui::IsPopupOpen(title.c_str())) ImGui::OpenPopup(title.c_str());
    const auto* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5F, 0.5F));
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 30.0F, 0.0F));
    if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_NoSavedSettings)) {
        page.new_user_open = false;
        return;
    }
    auto& form = page.new_user;
    draw_user_fields(form.values, form.errors(), app.divisions(), true, language);
    TextFieldOptions password;
    password.password = true;
    const auto error = form.errors().field("password", language);
    form_text_field({i18n::text("admin.field.initial_password", language), false, error,
                     i18n::text("admin.field.initial_password_hint", language)},
                    form.password, language, password);
    draw_general_error(form.errors(), language);
    ImGui::BeginDisabled(form.busy());
    if (ImGui::Button(t("admin.create", language))) form.submit(app.api());
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button(t("identity.cancel", language)) || ImGui::IsKeyPressed(key_escape, false)) page.new_user_open = false;
    if (!page.new_user_open) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

}  // namespace madoguchi::client
