#include "ui/list_state.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "ui/format.hpp"
#include "ui/item_registry.hpp"
#include "ui/style.hpp"

namespace madoguchi::client {
namespace {

void centred_text(std::string_view text, std::string_view role, const ImVec4* colour = nullptr) {
    const float width = ImGui::CalcTextSize(text.data(), text.data() + text.size()).x;
    ImGui::SetCursorPosX(std::max(ImGui::GetCursorPosX(), (ImGui::GetWindowWidth() - width) * 0.5F));
    if (colour != nullptr) ImGui::PushStyleColor(ImGuiCol_Text, *colour);
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
    if (colour != nullptr) ImGui::PopStyleColor();
    report_last_item(text, role);
}

bool centred_button(const char* label) {
    const auto& style = ImGui::GetStyle();
    const float width = ImGui::CalcTextSize(label, nullptr, true).x + style.FramePadding.x * 2.0F;
    ImGui::SetCursorPosX(std::max(ImGui::GetCursorPosX(), (ImGui::GetWindowWidth() - width) * 0.5F));
    return ImGui::Button(label);
}

// Room above the message, so it reads as the list's content rather than a stray line.
void leading_space() { ImGui::Dummy(ImVec2(0.0F, ImGui::GetFontSize() * 2.0F)); }

}  // namespace

bool draw_empty_state(std::string_view message_key, std::string_view action_key, i18n::Language language) {
    leading_space();
    centred_text(i18n::text(message_key, language), "status", &status_colours().muted);
    if (action_key.empty()) return false;
    ImGui::Spacing();
    return centred_button(t(action_key, language));
}

bool draw_no_matches_state(i18n::Language language) {
    leading_space();
    centred_text(i18n::text("list.no_matches", language), "status", &status_colours().muted);
    ImGui::Spacing();
    return centred_button(t("list.clear_filters", language));
}

void draw_loading_state(i18n::Language language) {
    leading_space();
    // A dot that walks along shows the app is alive while the list is on its way.
    const int dots = static_cast<int>(std::fmod(ImGui::GetTime() * 3.0, 4.0));
    const auto& message = i18n::text("list.loading", language);
    centred_text(message, "status", &status_colours().muted);
    ImGui::SameLine(0.0F, 0.0F);
    ImGui::TextUnformatted(std::string(static_cast<std::size_t>(dots), '.').c_str());
}

bool draw_error_state(std::string_view message, i18n::Language language) {
    leading_space();
    centred_text(message, "alert", &status_colours().error);
    ImGui::Spacing();
    return centred_button(t("list.retry", language));
}

}  // namespace madoguchi::client
