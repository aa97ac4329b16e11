#include "platform/web/web_input.hpp"

#include <emscripten/html5.h>
#include <imgui.h>

#include <cstring>

#include "ui/key_map.hpp"

namespace madoguchi::client {
namespace {

float pixel_ratio = 1.0F;
InputQueue queue;

void queue_mouse_position(const EmscriptenMouseEvent& event) {
    // The canvas fills the viewport from its top-left corner (assets/web/app.css).
    queue.mouse_move(static_cast<float>(event.clientX) * pixel_ratio, static_cast<float>(event.clientY) * pixel_ratio);
}

EM_BOOL on_mouse_move(int, const EmscriptenMouseEvent* event, void*) {
    queue_mouse_position(*event);
    return EM_FALSE;
}

EM_BOOL on_mouse_button(int type, const EmscriptenMouseEvent* event, void*) {
    // DOM buttons: 0 left, 1 middle, 2 right; ImGui: 0 left, 1 right, 2 middle.
    static constexpr int imgui_button[] = {0, 2, 1};
    if (event->button < 0 || event->button > 2) return EM_FALSE;
    queue_mouse_position(*event);
    queue.mouse_button(imgui_button[event->button], type == EMSCRIPTEN_EVENT_MOUSEDOWN,
                       Modifiers{event->ctrlKey != 0, event->shiftKey != 0, event->altKey != 0, event->metaKey != 0});
    return EM_FALSE;
}

EM_BOOL on_wheel(int, const EmscriptenWheelEvent* event, void*) {
    // deltaMode: 0 pixels, 1 lines, 2 pages; ImGui counts one notch as 1.0.
    const double per_notch = event->deltaMode == DOM_DELTA_PIXEL ? 100.0 : event->deltaMode == DOM_DELTA_LINE ? 3.0 : 1.0;
    queue.wheel(static_cast<float>(-event->deltaX / per_notch), static_cast<float>(-event->deltaY / per_notch));
    return EM_TRUE;  // the page itself never scrolls or zooms
}

bool is_named_key(const EmscriptenKeyboardEvent& event) {
    // Printable keys have a one-character `key` (up to four UTF-8 bytes); named keys
    // ("Tab", "ArrowLeft") are ASCII words.
    return std::strlen(event.key) >= 2 && static_cast<unsigned char>(event.key[0]) < 0x80;
}

EM_BOOL on_key(int type, const EmscriptenKeyboardEvent* event, void*) {
    if (event->keyCode == key_ime_processing) return EM_FALSE;
    const bool down = type == EMSCRIPTEN_EVENT_KEYDOWN;
    const bool shortcut = event->ctrlKey || event->metaKey;
    const bool clipboard_key = event->keyCode == key_c || event->keyCode == key_v || event->keyCode == key_x;
    // Printable keys without Ctrl/Cmd arrive as text (keypress); only named keys and shortcuts
    // are key events, so a scanner's fast digits are not held back a frame each. Copy, cut and
    // paste reach ImGui through the clipboard events instead (text_bridge_web.hpp), which
    // carry the clipboard's current text. Releases always pass, so nothing stays held when a
    // modifier was let go first.
    if (!down || (shortcut && !clipboard_key) || is_named_key(*event)) {
        queue.key(event->keyCode, down, Modifiers{event->ctrlKey != 0, event->shiftKey != 0, event->altKey != 0,
                                                  event->metaKey != 0});
    }
    if (!down) return EM_FALSE;
    // Let the browser keep copy/cut/paste so their clipboard events still fire; take the rest
    // of the shortcuts and named keys (Tab, Backspace, arrows) away from the page.
    if (shortcut) return !clipboard_key;
    return is_named_key(*event) && ImGui::GetIO().WantCaptureKeyboard;
}

EM_BOOL on_key_press(int, const EmscriptenKeyboardEvent* event, void*) {
    if (event->ctrlKey || event->metaKey || event->charCode == 0) return EM_FALSE;
    queue.character(event->charCode);
    return EM_TRUE;
}

EM_BOOL on_blur(int, const EmscriptenFocusEvent*, void*) {
    // Keys released while another window had focus would otherwise stay "held".
    queue.release_all();
    return EM_FALSE;
}

}  // namespace

void set_input_pixel_ratio(float ratio) { pixel_ratio = ratio; }

InputQueue& web_input_queue() { return queue; }

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
    // Not capturing: focus moving between the canvas and the text bridge is not the window
    // losing focus, and must not release a button pressed a moment ago.
    emscripten_set_blur_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_FALSE, on_blur);
}

}  // namespace madoguchi::client
