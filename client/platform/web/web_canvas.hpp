#pragma once
// Keeps the canvas' pixel size equal to its CSS size × devicePixelRatio, so text stays crisp
// on high-DPI screens (Emscripten's GLFW ignores devicePixelRatio; we do not use it).

namespace madoguchi::client {

struct CanvasMetrics {
    int width_pixels = 0;
    int height_pixels = 0;
    float pixel_ratio = 1.0F;  // framebuffer pixels per CSS pixel
};

CanvasMetrics sync_canvas_size();
// Shows the mouse cursor ImGui asks for (arrow, text beam, hand, resize) on the canvas.
void apply_mouse_cursor(int imgui_cursor);

}  // namespace madoguchi::client
