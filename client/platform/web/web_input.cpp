#include "platform/web/web_input.hpp"

#include <emscripten/html5.h>
#include <imgui.h>

#include <cstring>

#include "ui/key_map.hpp"

namespace madoguchi::client {
namespace {

float pixel_ratio = 1.0F;

void set_modifiers(ImGuiIO& io, bool ctrl, bool shift, bool alt, bool meta) {
    io.KeyCtrl = ctrl;
    io.KeyShift = shift;
    io.KeyAlt = alt;
    io.KeySuper = meta;
}

void update_mouse_position(const EmscriptenMouseEvent& event) {
    // The canvas fills the viewport from its top-left corner (assets/web/app.css).
    ImGui::GetIO().MousePos = ImVec2(static_cast<float>(event.clientX) * pixel_ratio,
                                     static_cast<float>(event.clientY) * pixel_ratio);
}

EM_BOOL on_mouse_move(int, const EmscriptenMouseEvent* event, void*) {
    update_mouse_position(*event);
    return EM_FALSE;
}

EM_BOOL on_mouse_button(int type, const EmscriptenMouseEvent* event, void*) {
    update_mouse_position(*event);
    // DOM buttons: 0 left, 1 middle, 2 right; ImGui: 0 left, 1 right, 2 middle.
    static constexpr int imgui_button[] = {0, 2, 1};
    if (event->button < 0 || event->button > 2) return EM_FALSE;
    ImGui::GetIO().MouseDown[imgui_button[event->button]] = type == EMSCRIPTEN_EVENT_MOUSEDOWN;
    return EM_FALSE;
}

EM_BOOL on_wheel(int, const EmscriptenWheelEvent* event, void*) {
    // deltaMode: 0 pixels, 1 lines, 2 pages; ImGui counts one notch as 1.0.
    const double per_notch = event->deltaMode == DOM_DELTA_PIXEL ? 100.0 : event->deltaMode == DOM_DELTA_LINE ? 3.0 : 1.0;
    auto& io = ImGui::GetIO();
    io.MouseWheel -= static_cast<float>(event->deltaY / per_notch);
    io.MouseWheelH -= static_cast<float>(event->deltaX / per_notch);
    return EM_TRUE;  // the page itself never scrolls or zooms
}

bool is_named_key(const EmscriptenKeyboardEvent& event) {
    // Printable keys have a one-character `key` (up to four UTF-8 bytes); named keys
    // ("Tab", "ArrowLeft") are ASCII words.
    return std::strlen(event.key) >= 2 && static_cast<unsigned char>(event.key[0]) < 0x80;
}

EM_BOOL on_key(int type, const EmscriptenKeyboardEvent* event, void*) {
    if (event->keyCode == key_ime_processing) return EM_FALSE;
    auto& io = ImGui::GetIO();
    const bool down = type == EMSCRIPTEN_EVENT_KEYDOWN;
    if (event->keyCode > 0 && event->keyCode < static_cast<int>(IM_ARRAYSIZE(io.KeysDown))) io.KeysDown[event->keyCode] = down;
    set_modifiers(io, event->ctrlKey, event->shiftKey, event->altKey, event->metaKey);
    if (!down) return EM_FALSE;
    // Let the browser keep copy/cut/paste so their clipboard events still fire; take the rest
    // of the shortcuts and named keys (Tab, Backspace, arrows) away from the page.
    const bool shortcut = event->ctrlKey || event->metaKey;
    if (shortcut) return event->keyCode != key_c && event->keyCode != key_v && event->keyCode != key_x;
    return is_named_key(*event) && io.WantCaptureKeyboard;
}

EM_BOOL on_key_press(int, const EmscriptenKeyboardEvent* event, void*) {
    if (event->ctrlKey || event->metaKey || event->charCode == 0) return EM_FALSE;
    ImGui::GetIO().AddInputCharacter(event->charCode);
    return EM_TRUE;
}

EM_BOOL on_blur(int, const EmscriptenFocusEvent*, void*) {
    // Keys released while another window had focus would otherwise stay "held".
    auto& io = ImGui::GetIO();
    for (auto& key : io.KeysDown) key = false;
    for (auto& button : io.MouseDown) button = false;
    set_modifiers(io, false, false, false, false);
    return EM_FALSE;
}

}  // namespace

void set_input_pixel_ratio(float ratio) { pixel_ratio = ratio; }

void install_web_input() {
    install_key_map();

    const char* canvas = "#canvas";
    emscripten_set_mousedown_callback(canvas, nullptr, EM_TRUE, on_mouse_button);
    // Moves and releases outside the canvas still belong to a drag that started inside it.
    emscripten_set_mouseup_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_TRUE, on_mouse_button);
    emscripten_set_mousemove_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_TRUE, on_mouse_move);
    emscripten_set_wheel_callback(canvas, nullptr, EM_TRUE, on_wheel);
    emscripten_set_keydown_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_TRUE, on_key);
    emscripten_set_keyup_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_TRUE, on_key);
    emscripten_set_keypress_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_TRUE, on_key_press);
    emscripten_set_blur_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_TRUE, on_blur);
}

}  // namespace madoguchi::client
