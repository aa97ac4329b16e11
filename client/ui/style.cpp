#include "ui/style.hpp"

#include <imgui.h>

namespace madoguchi::client {

namespace {

const StatusColours standard_status{ImVec4(0.09F, 0.50F, 0.22F, 1.0F), ImVec4(0.45F, 0.45F, 0.50F, 1.0F),
                                   ImVec4(0.72F, 0.05F, 0.10F, 1.0F), ImVec4(0.80F, 0.40F, 0.0F, 1.0F),
                                   ImVec4(0.08F, 0.32F, 0.78F, 1.0F), ImVec4(1.0F, 0.93F, 0.80F, 1.0F),
                                   ImVec4(0.86F, 0.92F, 1.0F, 1.0F)};
const StatusColours high_contrast_status{ImVec4(0.40F, 1.0F, 0.40F, 1.0F), ImVec4(0.85F, 0.85F, 0.85F, 1.0F),
                                        ImVec4(1.0F, 0.45F, 0.45F, 1.0F), ImVec4(1.0F, 0.92F, 0.0F, 1.0F),
                                        ImVec4(0.55F, 0.78F, 1.0F, 1.0F), ImVec4(0.30F, 0.18F, 0.0F, 1.0F),
                                        ImVec4(0.0F, 0.14F, 0.32F, 1.0F)};
const StatusColours* current_status = &standard_status;

// White on black with yellow focus and selection, as in the operating systems' own
// high-contrast modes; every frame and border is drawn.
void use_high_contrast_colours(ImGuiStyle& style) {
    ImGui::StyleColorsDark(&style);
    style.FrameBorderSize = 2.0F;
    style.ChildBorderSize = 2.0F;
    auto* colors = style.Colors;
    const ImVec4 black(0.0F, 0.0F, 0.0F, 1.0F);
    const ImVec4 white(1.0F, 1.0F, 1.0F, 1.0F);
    const ImVec4 yellow(1.0F, 0.92F, 0.0F, 1.0F);
    const ImVec4 dark_yellow(0.45F, 0.40F, 0.0F, 1.0F);
    colors[ImGuiCol_Text] = white;
    colors[ImGuiCol_TextDisabled] = ImVec4(0.85F, 0.85F, 0.85F, 1.0F);
    colors[ImGuiCol_WindowBg] = black;
    colors[ImGuiCol_ChildBg] = black;
    colors[ImGuiCol_PopupBg] = black;
    colors[ImGuiCol_Border] = white;
    colors[ImGuiCol_FrameBg] = black;
    colors[ImGuiCol_FrameBgHovered] = dark_yellow;
    colors[ImGuiCol_FrameBgActive] = dark_yellow;
    colors[ImGuiCol_CheckMark] = yellow;
    colors[ImGuiCol_Button] = black;
    colors[ImGuiCol_ButtonHovered] = dark_yellow;
    colors[ImGuiCol_ButtonActive] = dark_yellow;
    colors[ImGuiCol_Header] = dark_yellow;
    colors[ImGuiCol_HeaderHovered] = dark_yellow;
    colors[ImGuiCol_HeaderActive] = dark_yellow;
    colors[ImGuiCol_Separator] = white;
    colors[ImGuiCol_TableHeaderBg] = dark_yellow;
    colors[ImGuiCol_TableRowBg] = black;
    colors[ImGuiCol_TableRowBgAlt] = ImVec4(0.12F, 0.12F, 0.12F, 1.0F);
    colors[ImGuiCol_NavHighlight] = yellow;
}

}  // namespace

void apply_style(float scale, Theme theme) {
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
    if (theme == Theme::high_contrast) use_high_contrast_colours(style);
    current_status = theme == Theme::high_contrast ? &high_contrast_status : &standard_status;
    style.ScaleAllSizes(scale);
    ImGui::GetStyle() = style;
}

const StatusColours& status_colours() { return *current_status; }

Theme current_theme() { return current_status == &high_contrast_status ? Theme::high_contrast : Theme::standard; }

}  // namespace madoguchi::client
