#include "ui/fonts.hpp"

#include <imgui.h>

#include "ui/style.hpp"

namespace madoguchi::client {

bool build_font_atlas(const std::string& ttf, float scale) {
    // U+0020..U+FFEF: Latin, kana, CJK, full-width and half-width forms.
    static const ImWchar all_glyphs[] = {0x0020, 0xFFEF, 0};
    auto& atlas = *ImGui::GetIO().Fonts;
    atlas.Clear();
    // Power-of-two heights would waste up to half the texture on a 8,000-glyph atlas.
    atlas.Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;
    ImFontConfig config;
    config.FontDataOwnedByAtlas = false;
    // One sample per pixel: 8,000 CJK glyphs at 3× horizontal oversampling would not fit a
    // 4096-wide texture at high DPI, and pixel-snapped CJK glyphs look sharp without it.
    config.OversampleH = 1;
    config.OversampleV = 1;
    config.PixelSnapH = true;
    auto* font = atlas.AddFontFromMemoryTTF(const_cast<char*>(ttf.data()), static_cast<int>(ttf.size()),
                                            base_font_pixels * scale, &config, all_glyphs);
    return font != nullptr && atlas.Build();
}

}  // namespace madoguchi::client
