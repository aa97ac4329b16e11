#include "ui/text_field.hpp"

#include <imgui.h>

#include "ui/item_registry.hpp"
#include "ui/text_entry.hpp"

namespace madoguchi::client {

int resize_string(ImGuiInputTextCallbackData* data) {
    if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
        auto* text = static_cast<std::string*>(data->UserData);
        text->resize(static_cast<std::size_t>(data->BufTextLen));
        data->Buf = text->data();
    }
    return 0;
}

namespace {

int scan_callback(ImGuiInputTextCallbackData* data) {
    if (data->EventFlag == ImGuiInputTextFlags_CallbackCharFilter) {
        const auto folded = to_ascii_form(data->EventChar);
        if (folded < 0x21 || folded > 0x7E) return 1;  // codes have no spaces or kana
        data->EventChar = static_cast<ImWchar>(folded);
        return 0;
    }
    return resize_string(data);
}

std::string field_id(std::string_view label) {
    std::string id = "##";
    id += label;
    return id;
}

TextFieldEvents finish(std::string_view label, const std::string& value, bool submitted, bool password) {
    TextFieldEvents events;
    events.changed = ImGui::IsItemEdited();
    events.submitted = submitted;
    events.left = ImGui::IsItemDeactivated();
    report_last_item(label, "textbox", password ? std::string_view{} : std::string_view{value});
    return events;
}

}  // namespace

TextFieldEvents text_field(std::string_view label, std::string& value, const TextFieldOptions& options) {
    const auto id = field_id(label);
    constexpr ImGuiInputTextFlags resize = ImGuiInputTextFlags_CallbackResize;
    bool submitted = false;
    if (options.multiline) {
        const float height = ImGui::GetTextLineHeight() * static_cast<float>(options.visible_lines) +
                             ImGui::GetStyle().FramePadding.y * 2.0F;
        ImGui::InputTextMultiline(id.c_str(), value.data(), value.capacity() + 1, ImVec2(-FLT_MIN, height), resize,
                                  resize_string, &value);
    } else {
        ImGui::SetNextItemWidth(-FLT_MIN);
        ImGuiInputTextFlags flags = resize | ImGuiInputTextFlags_EnterReturnsTrue;
        if (options.password) flags |= ImGuiInputTextFlags_Password;
        submitted = ImGui::InputText(id.c_str(), value.data(), value.capacity() + 1, flags, resize_string, &value);
        // A password is typed with the IME off, as in the browser's own password fields.
        if (options.password && ImGui::IsItemActive()) note_scan_field_active();
    }
    return finish(label, value, submitted, options.password);
}

TextFieldEvents scan_field(std::string_view label, std::string& value) {
    const auto id = field_id(label);
    ImGui::SetNextItemWidth(-FLT_MIN);
    constexpr ImGuiInputTextFlags flags = ImGuiInputTextFlags_CallbackResize | ImGuiInputTextFlags_CallbackCharFilter |
                                          ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_AutoSelectAll;
    const bool submitted = ImGui::InputText(id.c_str(), value.data(), value.capacity() + 1, flags, scan_callback, &value);
    // Enter ends ImGui's editing; the next scan follows at once, so the field takes the
    // keyboard straight back.
    if (submitted) ImGui::SetKeyboardFocusHere(-1);
    if (ImGui::IsItemActive() || submitted) note_scan_field_active();
    return finish(label, value, submitted, false);
}

}  // namespace madoguchi::client
