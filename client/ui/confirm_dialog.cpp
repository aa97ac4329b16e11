#include "ui/confirm_dialog.hpp"

#include <imgui.h>

#include <utility>

#include "ui/item_registry.hpp"
#include "ui/key_map.hpp"
#include "ui/style.hpp"

namespace madoguchi::client {

void ConfirmDialog::ask(ConfirmRequest request) {
    request_ = std::move(request);
    open_ = true;
    open_requested_ = true;
    answer_.reset();
}

void ConfirmDialog::answer(ConfirmAnswer answer) {
    if (!open_) return;
    open_ = false;
    answer_ = answer;
}

std::optional<ConfirmAnswer> ConfirmDialog::take_answer() { return std::exchange(answer_, std::nullopt); }

bool ConfirmDialog::take_open_request() { return std::exchange(open_requested_, false); }

namespace {

// Text on the danger colour: dark on the high-contrast theme's light red, white on the standard red.
ImVec4 text_on(const ImVec4& background) {
    const float luminance = 0.2126F * background.x + 0.7152F * background.y + 0.0722F * background.z;
    return luminance > 0.5F ? ImVec4(0.0F, 0.0F, 0.0F, 1.0F) : ImVec4(1.0F, 1.0F, 1.0F, 1.0F);
}

bool danger_button(const char* label) {
    const auto danger = status_colours().error;
    const auto lighter = ImVec4(std::min(danger.x * 1.15F, 1.0F), std::min(danger.y * 1.15F + 0.05F, 1.0F),
                                std::min(danger.z * 1.15F + 0.05F, 1.0F), 1.0F);
    ImGui::PushStyleColor(ImGuiCol_Button, danger);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, lighter);
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, lighter);
    ImGui::PushStyleColor(ImGuiCol_Text, text_on(danger));
    const bool pressed = ImGui::Button(label);
    ImGui::PopStyleColor(4);
    return pressed;
}

}  // namespace

void draw_confirm_dialog(ConfirmDialog& dialog) {
    const auto& request = dialog.request();
    const auto popup_id = request.title + "##confirm";
    if (dialog.take_open_request()) ImGui::OpenPopup(popup_id.c_str());
    if (!dialog.is_open()) return;

    const auto* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5F, 0.5F));
    constexpr auto flags = ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoMove;
    if (!ImGui::BeginPopupModal(popup_id.c_str(), nullptr, flags)) {
        // Closed by something other than its buttons (another modal took over): a cancel.
        dialog.answer(ConfirmAnswer::cancelled);
        return;
    }
    const bool appearing = ImGui::IsWindowAppearing();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 26.0F);
    ImGui::TextUnformatted(request.message.c_str());
    report_last_item(request.message, "text");
    ImGui::PopTextWrapPos();
    ImGui::Spacing();

    std::optional<ConfirmAnswer> answer;
    // The key that opened the dialog must not also answer it.
    if (!appearing && ImGui::IsKeyPressed(key_enter, false)) answer = ConfirmAnswer::confirmed;
    if (!appearing && ImGui::IsKeyPressed(key_escape, false)) answer = ConfirmAnswer::cancelled;

    const bool confirmed = request.destructive ? danger_button(request.confirm_label.c_str())
                                               : ImGui::Button(request.confirm_label.c_str());
    if (confirmed) answer = ConfirmAnswer::confirmed;
    if (!request.destructive) ImGui::SetItemDefaultFocus();
    ImGui::SameLine();
    if (ImGui::Button(request.cancel_label.c_str())) answer = ConfirmAnswer::cancelled;
    if (request.destructive) ImGui::SetItemDefaultFocus();

    if (answer) {
        dialog.answer(*answer);
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

}  // namespace madoguchi::client
