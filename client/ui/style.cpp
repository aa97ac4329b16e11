#include "ui/style.hpp"

#include <imgui.h>

namespace madoguchi::client {

void apply_style(float scale) {
    ImGuiStyle style;
    ImGui::StyleColorsLight(&style);
    style.WindowRounding = 0.0F;
    style.ChildRounding = 6.0F;
    style.FrameRounding = 4.0F;
    style.GrabRounding = 4.0F;
    style.WindowPadding = ImVec2(14.0F, 12.0F);
    style.FramePadding = ImVec2(10.0F, 6.0F);
    style.ItemSpacing = ImVec2(10.0F, 8.0F);
    style.CellPadding = ImVec2(8.0F, 5.0F);
    style.FrameBorderSize = 1.0F;  // white fields on a light window need an outline to be found
    auto* colors = style.Colors;
    colors[ImGuiCol_WindowBg] = ImVec4(0.957F, 0.961F, 0.969F, 1.0F);
    colors[ImGuiCol_ChildBg] = ImVec4(1.0F, 1.0F, 1.0F, 1.0F);
    colors[ImGuiCol_Text] = ImVec4(0.11F, 0.12F, 0.14F, 1.0F);
    colors[ImGuiCol_Header] = ImVec4(0.80F, 0.87F, 0.97F, 1.0F);
    colors[ImGuiCol_HeaderHovered] = ImVec4(0.72F, 0.82F, 0.96F, 1.0F);
    colors[ImGuiCol_HeaderActive] = ImVec4(0.62F, 0.76F, 0.95F, 1.0F);
    colors[ImGuiCol_Button] = ImVec4(0.86F, 0.90F, 0.96F, 1.0F);
    colors[ImGuiCol_ButtonHovered] = ImVec4(0.76F, 0.84F, 0.95F, 1.0F);
    colors[ImGuiCol_ButtonActive] = ImVec4(0.66F, 0.78F, 0.94F, 1.0F);
    style.ScaleAllSizes(scale);
    ImGui::GetStyle() = style;
}

}  // namespace madoguchi::client
