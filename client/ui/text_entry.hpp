#pragma once
// What the platform's text bridge needs to know about the text field being edited: where its
// caret is (the IME's composition and candidate window open there), how tall its text is,
// whether it is a scan field (IME off: a barcode scanner types plain ASCII), and the text
// selected in it (the browser's copy event asks for it before ImGui sees the keys).
#include <string>

namespace madoguchi::client {

struct TextEntryState {
    bool editing = false;   // a text field is active and wants typed text
    bool scan = false;      // that field takes scanner input
    float caret_x = 0.0F;   // top-left of the caret, framebuffer pixels
    float caret_y = 0.0F;
    float line_height = 0.0F;  // framebuffer pixels
};

// Call once per frame before the views draw.
void start_text_entry_frame();
// Scan fields call this while active.
void note_scan_field_active();
// The state after this frame's widgets; call after ImGui::Render.
TextEntryState text_entry_state();
// The active text field's selected text, UTF-8; empty without a selection.
std::string selected_text();

// Full-width ASCII (ＡＢＣ１２３－) and the ideographic space typed with the Japanese IME
// on become their ASCII forms; anything else is returned unchanged.
unsigned int to_ascii_form(unsigned int code_point);

}  // namespace madoguchi::client
