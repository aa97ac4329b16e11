#include <catch2/catch.hpp>

#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "headless_imgui.hpp"
#include "ui/style.hpp"

using madoguchi::client::Theme;

namespace {

// WCAG 2 relative luminance and contrast ratio.
double luminance(const ImVec4& colour) {
    const auto channel = [](float c) {
        return c <= 0.03928F ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(colour.x) + 0.7152 * channel(colour.y) + 0.0722 * channel(colour.z);
}

double contrast(const ImVec4& a, const ImVec4& b) {
    const double lighter = std::max(luminance(a), luminance(b));
    const double darker = std::min(luminance(a), luminance(b));
    return (lighter + 0.05) / (darker + 0.05);
}

}  // namespace

TEST_CASE("banner text stays readable in both themes", "[style]") {
    const madoguchi::testing::HeadlessImGui imgui(800.0F, 600.0F);
    for (const auto theme : {Theme::standard, Theme::high_contrast}) {
        madoguchi::client::apply_style(1.0F, theme);
        const auto& text = ImGui::GetStyle().Colors[ImGuiCol_Text];
        const auto& colours = madoguchi::client::status_colours();
        INFO("theme " << static_cast<int>(theme));
        // AAA for normal text; the high-contrast theme is for people who need it.
        CHECK(contrast(text, colours.warning_background) >= 7.0);
        CHECK(contrast(text, colours.info_background) >= 7.0);
    }
    madoguchi::client::apply_style(1.0F, Theme::standard);
}
