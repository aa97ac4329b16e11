#pragma once
// Text fields over std::string. The label is drawn by the caller (see form_field.hpp) or not
// at all; items() lists the field as role "textbox" under that label with its text as value.
// Japanese arrives through the platform's IME bridge, so the field itself is plain ImGui.
#include <string>
#include <string_view>

struct ImGuiInputTextCallbackData;

namespace madoguchi::client {

// ImGuiInputTextFlags_CallbackResize handler for an InputText over the std::string passed as
// its user data: lets the field grow the string as the user types.
int resize_string(ImGuiInputTextCallbackData* data);

struct TextFieldOptions {
    bool multiline = false;
    int visible_lines = 6;  // multi-line height
    bool password = false;  // shown as dots, typed with the IME off; items() reports no value
};

struct TextFieldEvents {
    bool changed = false;    // the text changed this frame
    bool submitted = false;  // Enter in a single-line field
    bool left = false;       // the user left the field (validate now)
};

// A full-width field; `label` names it for items() and makes its id.
TextFieldEvents text_field(std::string_view label, std::string& value, const TextFieldOptions& options = {});

// For barcode scanners and typed codes: ASCII only (full-width forms typed with the IME on
// are folded to ASCII, the IME is switched off while it is active), Enter submits.
TextFieldEvents scan_field(std::string_view label, std::string& value);

}  // namespace madoguchi::client
