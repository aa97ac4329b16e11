#include "inventory/state_change_view.hpp"

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

std::string state_text(inventory::AssetState state, Language language) {
    return i18n::text(inventory::state_label_key(state), language);
}

}  // namespace

void draw_state_actions(App& app, DevicePane& pane, Language language) {
    const auto* user = app.session().user();
    const auto* device = pane.detail.device();
    if (user == nullptr || device == nullptr || !may_edit_ledger(user->roles)) return;
    ImGui::Spacing();
    ImGui::Separator();
    ImGui::TextUnformatted(t("inventory.change_state", language));
    report_last_item(i18n::text("inventory.change_state", language), "heading");
    const auto actions = pane.detail.actions(user->roles);
    if (actions.empty()) {
        ImGui::TextDisabled("%s", t("inventory.no_moves", language));
        report_last_item(i18n::text("inventory.no_moves", language), "status");
        return;
    }
    bool first = true;
    for (const auto state : actions) {
        const auto label = fill_template(i18n::text("inventory.move_to", language), {{"state", state_text(state, language)}});
        if (!first) ImGui::SameLine();
        // Wrap onto the next line when the button would leave the pane.
        if (!first && ImGui::GetContentRegionAvail().x < ImGui::CalcTextSize(label.c_str()).x + ImGui::GetFontSize()) {
            ImGui::NewLine();
        }
        first = false;
        if (ImGui::Button(label.c_str())) pane.change.begin(*device, state);
    }
}

void draw_state_change_dialog(App& app, DevicePane& pane, Language language) {
    auto& change = pane.change;
    const auto* device = pane.detail.device();
    const auto title = i18n::text("inventory.change_state", language) + "###state_change";
    if (change.is_open() && device != nullptr && !ImGui::IsPopupOpen(title.c_str())) ImGui::OpenPopup(title.c_str());
    const auto* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5F, 0.5F));
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 28.0F, 0.0F));
    if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_NoSavedSettings)) {
        change.cancel();
        return;
    }
    if (device != nullptr) {
        const auto message = fill_template(i18n::text("inventory.move.message", language),
                                           {{"tag", device->asset.fields.asset_tag},
                                            {"from", state_text(device->asset.state, language)},
                                            {"to", state_text(change.target(), language)}});
        ImGui::TextWrapped("%s", message.c_str());
        report_last_item(message, "text");
    }
    const auto reason_error = change.reason_error(language);
    TextFieldOptions options;
    options.multiline = true;
    options.visible_lines = 3;
    form_text_field({i18n::text("inventory.move.reason", language), true, reason_error, {}}, change.reason, language, options);
    if (const auto refusal = change.refusal(language); !refusal.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, status_colours().error);
        ImGui::TextWrapped("%s", refusal.c_str());
        ImGui::PopStyleColor();
        report_last_item(refusal, "alert");
    }
    ImGui::BeginDisabled(change.busy());
    if (ImGui::Button(t("inventory.move.confirm", language))) change.submit(app.api());
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button(t("inventory.move.cancel", language)) || ImGui::IsKeyPressed(key_escape, false)) change.cancel();
    if (!change.is_open()) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

}  // namespace madoguchi::client
