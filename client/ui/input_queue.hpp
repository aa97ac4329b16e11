#pragma once
// Input events queued between frames and handed to ImGui a frame at a time. ImGui 1.86
// samples buttons and keys once per frame, so a press and release that arrive together (a
// quick tap, a slow frame under software rendering, a barcode scanner's keys) would be lost,
// and two clicks in one frame would merge. Like ImGui 1.87's input queue, each frame takes
// events in order until one would change a button or key that already changed this frame.
// Typed text also waits a few frames while no text field has the keyboard: a field given the
// keyboard by code (a scan field after Enter or a click elsewhere) becomes active a frame or
// two later and ImGui 1.86 drops the text of its activation frame; a scanner types into that
// gap.
#include <deque>
#include <string_view>

namespace madoguchi::client {

struct Modifiers {
    bool ctrl = false;
    bool shift = false;
    bool alt = false;
    bool super = false;
};

class InputQueue {
public:
    void mouse_move(float x, float y);
    // ImGui numbering: 0 left, 1 right, 2 middle. The modifiers held at the click come with it
    // (a Ctrl+click selects another row), whatever key events reached the page before.
    void mouse_button(int button, bool down, Modifiers modifiers);
    void wheel(float horizontal, float vertical);
    void key(int key_code, bool down, Modifiers modifiers);
    void character(unsigned int code_point);
    // Committed text (an IME conversion, inserted text), one character event per code point.
    void text(std::string_view utf8);
    // A shortcut pressed and released with Ctrl held, e.g. Ctrl+V after a paste event set
    // the clipboard text: ImGui then acts on it with the clipboard already current.
    void shortcut(int key_code);
    // Everything is released, e.g. when the window loses focus mid-press.
    void release_all();

    // Call before ImGui::NewFrame.
    void apply_to_imgui();
    bool empty() const { return events_.empty(); }

private:
    struct Event {
        enum class Kind { move, button, wheel, key, character, release_all };
        Kind kind = Kind::move;
        float x = 0.0F;
        float y = 0.0F;
        int index = 0;
        bool down = false;
        unsigned int code_point = 0;
        Modifiers modifiers;
    };
    void push(Event event) { events_.push_back(event); }
    std::deque<Event> events_;
    int text_waited_frames_ = 0;
};

}  // namespace madoguchi::client
