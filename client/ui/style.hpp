#pragma once
// The look of the app: one light theme tuned for long office use, scaled for the screen.

namespace madoguchi::client {

inline constexpr float base_font_pixels = 17.0F;

// Applies colours and spacing for a UI scale (devicePixelRatio × user font scale).
void apply_style(float scale);

}  // namespace madoguchi::client
