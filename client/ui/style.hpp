#pragma once
// The look of the app: a light theme tuned for long office use and a high-contrast theme,
// both scaled for the screen and the user's text size.

#include <imgui.h>

namespace madoguchi::client {

inline constexpr float base_font_pixels = 17.0F;

enum class Theme { standard, high_contrast };

// Applies colours and spacing for a UI scale (devicePixelRatio × user text scale).
void apply_style(float scale, Theme theme);

// Colours that carry meaning (a state, an error), readable in the theme applied last.
struct StatusColours {
    ImVec4 ok;
    ImVec4 muted;
    ImVec4 error;
    ImVec4 warning;
    ImVec4 info;  // neutral emphasis, e.g. Saturdays in a calendar (blue, as Japanese calendars print them)
    ImVec4 warning_background;  // behind the theme's text: banners that need attention
    ImVec4 info_background;     // behind the theme's text: banners that inform
};
const StatusColours& status_colours();
Theme current_theme();

}  // namespace madoguchi::client
