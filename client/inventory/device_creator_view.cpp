#include "inventory/device_creator_view.hpp"

#include <imgui.h>

#include "app/app.hpp"
#include "inventory/device_form_view.hpp"
#include "ui/format.hpp"
#include "ui/key_map.hpp"

namespace madoguchi::client {

void draw_device_creator(App& app, InventoryPage& page) {
    const auto language = app.preferences().language;
    auto& creator = page.creator;
    const auto title = i18n::text("inventory.create.title", language) + "###device_creator";
    if (creator.is_open() && !ImGui::IsPopupOpen(title.c_str())) ImGui::OpenPopup(title.c_str());
    const auto* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5F, 0.5F));
    // The form is long: the dialog scrolls within the window rather than leaving it.
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 30.0F, viewport->WorkSize.y * 0.85F), ImGuiCond_Appearing);
    if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_NoSavedSettings)) {
        if (creator.is_open() && !creator.busy()) creator.close();
        return;
    }
    const float buttons_height = ImGui::GetFrameHeightWithSpacing() + ImGui::GetStyle().ItemSpacing.y;
    ImGui::BeginChild("device_creator_fields", ImVec2(0.0F, -buttons_height), false);
    draw_device_form_fields(app, page.catalogs, creator.values(), creator.dates(), creator.errors(), language);
    ImGui::EndChild();
    ImGui::BeginDisabled(creator.busy());
    if (ImGui::Button(t("inventory.create.submit", language))) creator.create(app.api());
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button(t("inventory.create.cancel", language)) || ImGui::IsKeyPressed(key_escape, false)) creator.close();
    if (!creator.is_open()) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

}  // namespace madoguchi::client
