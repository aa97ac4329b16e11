#include "platform/web/text_bridge_web.hpp"

#include <emscripten.h>
#include <imgui.h>

#include <string>

#include "ui/key_map.hpp"

namespace madoguchi::client {
namespace {

InputQueue* bridge_queue = nullptr;
std::string clipboard;      // the last text pasted into the app or copied from it
std::string selection_out;  // kept alive for the JS copy handler

EM_JS(void, madoguchi_install_text_bridge, (), {
    const input = document.createElement("input");
    input.id = "text-bridge";
    input.type = "text";
    input.autocomplete = "off";
    input.spellcheck = false;
    input.setAttribute("autocapitalize", "off");
    input.setAttribute("aria-hidden", "true");
    input.tabIndex = -1;
    document.body.appendChild(input);
    const send = function(target, text) {
        const pointer = stringToNewUTF8(text);
        target(pointer);
        _free(pointer);
    };
    let composing = false;
    input.addEventListener("compositionstart", function() {
        composing = true;
        input.classList.add("composing");
    });
    input.addEventListener("compositionend", function(event) {
        composing = false;
        input.classList.remove("composing");
        if (event.data) send(_madoguchi_text_committed, event.data);
        input.value = "";
    });
    // Text that arrives without keypress or composition: inserted by an on-screen keyboard,
    // voice input or a test's Input.insertText.
    input.addEventListener("input", function(event) {
        if (composing || event.isComposing || !input.value) return;
        send(_madoguchi_text_committed, input.value);
        input.value = "";
    });
    document.addEventListener("paste", function(event) {
        if (!event.clipboardData) return;
        event.preventDefault();
        send(_madoguchi_paste, event.clipboardData.getData("text/plain"));
    });
    const selection = function() { return UTF8ToString(_madoguchi_selected_text()); };
    // Chromium fires copy/cut for a shortcut only when it thinks something can be copied; a
    // cancelled beforecopy says the page handles it, as the field's selection lives in ImGui.
    const enable = function(event) { if (selection()) event.preventDefault(); };
    document.addEventListener("beforecopy", enable);
    document.addEventListener("beforecut", enable);
    const copy = function(event, cut) {
        const text = selection();
        if (!text || !event.clipboardData) return;
        event.clipboardData.setData("text/plain", text);
        event.preventDefault();
        if (cut) _madoguchi_cut();
    };
    document.addEventListener("copy", function(event) { copy(event, false); });
    document.addEventListener("cut", function(event) { copy(event, true); });
    Module.madoguchiTextBridge = { input: input, last: "" };
});

// Touches the DOM only when something changed: this runs every frame.
EM_JS(void, madoguchi_sync_text_bridge, (int editing, int scan, float x, float y, float height), {
    const bridge = Module.madoguchiTextBridge;
    const input = bridge.input;
    const key = [editing, scan, x, y, height].join();
    if (key !== bridge.last) {
        bridge.last = key;
        if (editing) {
            input.style.left = x + "px";
            input.style.top = y + "px";
            input.style.height = height + "px";
            input.style.fontSize = Math.round(height * 0.9) + "px";
            // Browsers switch the IME off in password fields: a scanner's keys arrive as typed.
            const type = scan ? "password" : "text";
            if (input.type !== type) input.type = type;
        }
    }
    if (editing && document.activeElement !== input) {
        input.focus({preventScroll: true});
    } else if (!editing && document.activeElement === input) {
        input.value = "";
        Module.canvas.focus({preventScroll: true});
    }
});

EM_JS(void, madoguchi_write_clipboard, (const char* text), {
    if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(UTF8ToString(text)).catch(function() {});
    }
});

const char* get_clipboard(void*) { return clipboard.c_str(); }

// ImGui copies on its own too (Ctrl+C it sees, a "copy" button): the system clipboard
// follows when the browser allows it.
void set_clipboard(void*, const char* text) {
    clipboard = text;
    madoguchi_write_clipboard(text);
}

}  // namespace

void install_text_bridge(InputQueue& queue) {
    bridge_queue = &queue;
    auto& io = ImGui::GetIO();
    io.GetClipboardTextFn = get_clipboard;
    io.SetClipboardTextFn = set_clipboard;
    madoguchi_install_text_bridge();
}

void sync_text_bridge(const TextEntryState& state, float pixel_ratio) {
    madoguchi_sync_text_bridge(state.editing ? 1 : 0, state.scan ? 1 : 0, state.caret_x / pixel_ratio,
                               state.caret_y / pixel_ratio, state.line_height / pixel_ratio);
}

}  // namespace madoguchi::client

extern "C" {

EMSCRIPTEN_KEEPALIVE void madoguchi_text_committed(const char* text) {
    madoguchi::client::bridge_queue->text(text);
}

EMSCRIPTEN_KEEPALIVE void madoguchi_paste(const char* text) {
    madoguchi::client::clipboard = text;
    madoguchi::client::bridge_queue->shortcut(madoguchi::client::key_v);
}

EMSCRIPTEN_KEEPALIVE const char* madoguchi_selected_text() {
    madoguchi::client::selection_out = madoguchi::client::selected_text();
    return madoguchi::client::selection_out.c_str();
}

// The copy event has put the selection on the clipboard; ImGui deletes it as for Ctrl+X.
EMSCRIPTEN_KEEPALIVE void madoguchi_cut() { madoguchi::client::bridge_queue->shortcut(madoguchi::client::key_x); }
}
