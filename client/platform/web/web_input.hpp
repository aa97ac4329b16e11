#pragma once
// Mouse, wheel and keyboard from the browser into ImGui's IO (ImGui 1.86's KeysDown[] model,
// indexed by DOM keyCode). Japanese IME composition and clipboard events come later through
// their own bridge; this layer leaves those browser events alone.

namespace madoguchi::client {

void install_web_input();
// The pointer positions arrive in CSS pixels; the UI is laid out in framebuffer pixels.
void set_input_pixel_ratio(float pixel_ratio);

}  // namespace madoguchi::client
