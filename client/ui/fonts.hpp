#pragma once
// The UI font atlas: the subset BIZ UDPGothic at the base size × UI scale, every glyph the
// subset holds (ImGui skips code points the font lacks, so one wide range covers them all).
#include <string>

namespace madoguchi::client {

// Rebuilds ImGui's font atlas from TTF bytes. The bytes must outlive the atlas (not copied).
// Returns false when the data is not a usable font.
bool build_font_atlas(const std::string& ttf, float scale);

}  // namespace madoguchi::client
