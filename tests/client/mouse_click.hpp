#pragma once
// A left click on an item's centre as ImGui 1.86 reads the mouse from its IO state: the pointer
// moved there a frame before the press, the press and the release on frames of their own,
// then frames for the app to act on it. `draw(n)` draws n frames.
#include <imgui.h>

#include "ui/item_registry.hpp"

namespace madoguchi::testing {

template <typename Draw>
void click_centre(const client::ItemRecord& item, Draw draw) {
    auto& io = ImGui::GetIO();
    io.MousePos = ImVec2(item.x + item.width / 2.0F, item.y + item.height / 2.0F);
    draw(1);
    io.MouseDown[0] = true;
    draw(1);
    io.MouseDown[0] = false;
    draw(3);
}

}  // namespace madoguchi::testing
