#include "ui/input_queue.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <bitset>

namespace madoguchi::client {
namespace {

// Text waiting for a text field gives up after this many frames, so keys typed where no
// field will come (a shortcut on the dashboard) are not poured into the next field opened.
constexpr int most_frames_text_waits = 4;

// As of the frame just drawn: a text field is active and takes typed text next frame.
bool text_field_editing() {
    const auto& g = *ImGui::GetCurrentContext();
    return g.ActiveId != 0 && g.ActiveId == g.InputTextState.ID;
}

void set_modifiers(ImGuiIO& io, Modifiers modifiers) {
    io.KeyCtrl = modifiers.ctrl;
    io.KeyShift = modifiers.shift;
    io.KeyAlt = modifiers.alt;
    io.KeySuper = modifiers.super;
}

}  // namespace

void InputQueue::mouse_move(float x, float y) {
    Event event;
    event.kind = Event::Kind::move;
    event.x = x;
    event.y = y;
    push(event);
}

void InputQueue::mouse_button(int button, bool down, Modifiers modifiers) {
    if (button < 0 || button >= static_cast<int>(IM_ARRAYSIZE(ImGuiIO::MouseDown))) return;
    Event event;
    event.kind = Event::Kind::button;
    event.index = button;
    event.down = down;
    event.modifiers = modifiers;
    push(event);
}

void InputQueue::wheel(float horizontal, float vertical) {
    Event event;
    event.kind = Event::Kind::wheel;
    event.x = horizontal;
    event.y = vertical;
    push(event);
}

void InputQueue::key(int key_code, bool down, Modifiers modifiers) {
    if (key_code <= 0 || key_code >= static_cast<int>(IM_ARRAYSIZE(ImGuiIO::KeysDown))) return;
    Event event;
    event.kind = Event::Kind::key;
    event.index = key_code;
    event.down = down;
    event.modifiers = modifiers;
    push(event);
}

void InputQueue::character(unsigned int code_point) {
    Event event;
    event.kind = Event::Kind::character;
    event.code_point = code_point;
    push(event);
}

void InputQueue::text(std::string_view utf8) {
    const char* cursor = utf8.data();
    const char* const end = utf8.data() + utf8.size();
    while (cursor < end) {
        unsigned int code_point = 0;
        cursor += ImTextCharFromUtf8(&code_point, cursor, end);
        if (code_point != 0) character(code_point);
    }
}

void InputQueue::shortcut(int key_code) {
    // Released without modifiers: after a paste from the browser's menu no Ctrl key is held,
    // and a Ctrl left "down" would make ImGui ignore typed text. A held Ctrl comes back with
    // the next real key event.
    key(key_code, true, Modifiers{true, false, false, false});
    key(key_code, false, Modifiers{});
}

void InputQueue::release_all() {
    Event event;
    event.kind = Event::Kind::release_all;
    push(event);
}

void InputQueue::apply_to_imgui() {
    auto& io = ImGui::GetIO();
    bool button_changed = false;
    bool moved = false;
    std::bitset<IM_ARRAYSIZE(ImGuiIO::KeysDown)> keys_changed;
    while (!events_.empty()) {
        const auto& event = events_.front();
        switch (event.kind) {
            case Event::Kind::move:
                // A move after a click in this frame would move the click away from its target.
                if (button_changed) return;
                moved = moved || io.MousePos.x != event.x || io.MousePos.y != event.y;
                io.MousePos = ImVec2(event.x, event.y);
                break;
            case Event::Kind::button:
                if (button_changed) return;
                // A press waits a frame after the pointer moved: ImGui decides what is under the
                // pointer from the frame before, and a jump-and-press (a tap, a fast pointer)
                // would otherwise go to the widget the pointer left, or to nothing.
                if (moved && event.down) return;
                if (io.MouseDown[event.index] != event.down) button_changed = true;
                io.MouseDown[event.index] = event.down;
                set_modifiers(io, event.modifiers);
                break;
            case Event::Kind::wheel:
                io.MouseWheelH += event.x;
                io.MouseWheel += event.y;
                break;
            case Event::Kind::key:
                // ImGui reads the modifiers once per frame: Ctrl let go right after a Ctrl+click
                // must not reach it in the click's frame.
                if (button_changed) return;
                if (keys_changed[static_cast<std::size_t>(event.index)]) return;
                if (io.KeysDown[event.index] != event.down) keys_changed.set(static_cast<std::size_t>(event.index));
                io.KeysDown[event.index] = event.down;
                set_modifiers(io, event.modifiers);
                break;
            case Event::Kind::character:
                // Text typed after a key changed (e.g. after Enter) belongs to the next frame.
                if (keys_changed.any()) return;
                // Everything after it waits too, so a scan's Enter stays behind its text.
                if (text_field_editing()) {
                    text_waited_frames_ = 0;
                } else if (text_waited_frames_ < most_frames_text_waits) {
                    ++text_waited_frames_;
                    return;
                }
                io.AddInputCharacter(event.code_point);
                break;
            case Event::Kind::release_all:
                // Like any release, it waits until a press in this frame has been seen.
                if (button_changed || keys_changed.any()) return;
                for (auto& key : io.KeysDown) key = false;
                for (auto& button : io.MouseDown) button = false;
                set_modifiers(io, Modifiers{});
                break;
        }
        events_.pop_front();
    }
    // The burst is over; the next one waits afresh.
    text_waited_frames_ = 0;
}

}  // namespace madoguchi::client
