#pragma once
// Japanese IME and the clipboard for a canvas app. A canvas never receives IME composition,
// so while a text field is active a small <input> sits at its caret and has the focus: the
// IME composes in it (visible there, candidate window beside it), and the committed text goes
// to ImGui once. Plain keys keep flowing through web_input (keypress), never through both.
// Paste, copy and cut use the browser's clipboard events, so they work with other
// applications and always carry the current clipboard.
#include "ui/input_queue.hpp"
#include "ui/text_entry.hpp"

namespace madoguchi::client {

void install_text_bridge(InputQueue& queue);
// After each frame: focus, place and configure the bridge for the active field (CSS pixels).
void sync_text_bridge(const TextEntryState& state, float pixel_ratio);

}  // namespace madoguchi::client
