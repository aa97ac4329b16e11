#pragma once
// What the last frame drew, item by item: label, role, value, rectangle, focus. Collected
// through ImGui's item hooks (IMGUI_ENABLE_TEST_ENGINE) and the UI's own annotations, and
// published as window.madoguchi.items() so end-to-end tests click and type by label; kept
// meaningful as the base for a screen-reader mirror.
#include <string>
#include <string_view>
#include <vector>

namespace madoguchi::client {

struct ItemRecord {
    unsigned int id = 0;
    std::string label;  // as shown, without ImGui's "##id" suffix
    std::string role;   // button, checkbox, radio, tab, tree, text, …
    std::string value;  // "true"/"false" for checkable items, "selected" for the current tab
    float x = 0.0F;     // framebuffer pixels
    float y = 0.0F;
    float width = 0.0F;
    float height = 0.0F;
    bool focused = false;
    bool enabled = true;
    // Part of it lies above or below what its window shows (scrolled away): a click there
    // reaches nothing.
    bool clipped = false;
    // The part its window shows, from top to bottom: where a wheel scrolls that window (a
    // pane inside the page) to bring the rest into view.
    float visible_y = 0.0F;
    float visible_height = 0.0F;
};

// Turns the hooks on for the current ImGui context.
void install_item_hooks();
// Gives the item just drawn a role and value the hooks cannot know (a radio button, a tab).
void annotate_last_item(std::string_view role, std::string_view value);
// Gives the item just drawn a name of its own where its visible text repeats row after row
// (every row's 保存): "リコー IM C3010の印刷速度を保存", as a screen reader's aria-label.
void name_last_item(std::string_view label);
// Records the item just drawn that has no hook of its own (text, a banner, a field whose
// label is drawn beside it) under a label.
void report_last_item(std::string_view label, std::string_view role, std::string_view value = {});
// Ends the frame's list: what item_records() returns from now on.
void finish_item_frame();
const std::vector<ItemRecord>& item_records();
// The records as a JSON array with coordinates in CSS pixels.
std::string item_records_json(float pixel_ratio);

}  // namespace madoguchi::client
