#include "platform/web/web_canvas.hpp"

#include <emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>

#include <cmath>

namespace {

EM_JS(void, madoguchi_set_cursor, (const char* cursor), { Module.canvas.style.cursor = UTF8ToString(cursor); });

const char* css_cursor(int imgui_cursor) {
    switch (imgui_cursor) {
        case ImGuiMouseCursor_None: return "none";
        case ImGuiMouseCursor_TextInput: return "text";
        case ImGuiMouseCursor_ResizeAll: return "move";
        case ImGuiMouseCursor_ResizeNS: return "ns-resize";
        case ImGuiMouseCursor_ResizeEW: return "ew-resize";
        case ImGuiMouseCursor_ResizeNESW: return "nesw-resize";
        case ImGuiMouseCursor_ResizeNWSE: return "nwse-resize";
        case ImGuiMouseCursor_Hand: return "pointer";
        case ImGuiMouseCursor_NotAllowed: return "not-allowed";
        default: return "default";
    }
}

}  // namespace

namespace madoguchi::client {

CanvasMetrics sync_canvas_size() {
    double css_width = 0.0;
    double css_height = 0.0;
    emscripten_get_element_css_size("#canvas", &css_width, &css_height);
    CanvasMetrics metrics;
    metrics.pixel_ratio = static_cast<float>(emscripten_get_device_pixel_ratio());
    if (metrics.pixel_ratio <= 0.0F) metrics.pixel_ratio = 1.0F;
    metrics.width_pixels = static_cast<int>(std::lround(css_width * metrics.pixel_ratio));
    metrics.height_pixels = static_cast<int>(std::lround(css_height * metrics.pixel_ratio));
    int current_width = 0;
    int current_height = 0;
    emscripten_get_canvas_element_size("#canvas", &current_width, &current_height);
    if (current_width != metrics.width_pixels || current_height != metrics.height_pixels) {
        emscripten_set_canvas_element_size("#canvas", metrics.width_pixels, metrics.height_pixels);
    }
    return metrics;
}

void apply_mouse_cursor(int imgui_cursor) {
    static int shown = -2;
    if (imgui_cursor == shown) return;
    shown = imgui_cursor;
    madoguchi_set_cursor(css_cursor(imgui_cursor));
}

}  // namespace madoguchi::client
