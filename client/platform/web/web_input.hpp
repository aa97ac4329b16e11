#pragma once
// Mouse, wheel and keyboard from the browser, queued for ImGui (ui/input_queue.hpp). Keys are
// indexed by DOM keyCode (ui/key_map.hpp). Japanese IME composition and clipboard events go
// through their own bridge (text_bridge_web.hpp); this layer leaves those browser events alone.
#include "ui/input_queue.hpp"

namespace madoguchi::client {

void install_web_input();
// Pointer positions arrive in CSS pixels; the UI is laid out in framebuffer pixels.
void set_input_pixel_ratio(float pixel_ratio);
// The events received since the last frame; apply them before ImGui::NewFrame.
InputQueue& web_input_queue();

}  // namespace madoguchi::client
