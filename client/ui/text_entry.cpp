#include "ui/text_entry.hpp"

#include <imgui.h>
#include <imgui_internal.h>

namespace madoguchi::client {
namespace {

bool scan_active = false;

}  // namespace

void start_text_entry_frame() { scan_active = false; }

void note_scan_field_active() { scan_active = true; }

TextEntryState text_entry_state() {
    const auto& g = *ImGui::GetCurrentContext();
    TextEntryState state;
    state.editing = g.IO.WantTextInput;
    if (!state.editing) return state;
    state.scan = scan_active;
    // InputText puts the IME position at the caret, one line above its baseline.
    state.caret_x = g.PlatformImePos.x;
    state.caret_y = g.PlatformImePos.y;
    state.line_height = g.FontSize;
    return state;
}

std::string selected_text() {
    auto& g = *ImGui::GetCurrentContext();
    const auto* state = ImGui::GetInputTextState(g.ActiveId);
    if (state == nullptr || !state->HasSelection()) return {};
    const int from = ImMin(state->Stb.select_start, state->Stb.select_end);
    const int to = ImMax(state->Stb.select_start, state->Stb.select_end);
    const ImWchar* begin = state->TextW.Data + from;
    const ImWchar* end = state->TextW.Data + to;
    std::string text(static_cast<std::size_t>(ImTextCountUtf8BytesFromStr(begin, end)) + 1, '\0');
    const int written = ImTextStrToUtf8(text.data(), static_cast<int>(text.size()), begin, end);
    text.resize(static_cast<std::size_t>(written));
    return text;
}

unsigned int to_ascii_form(unsigned int code_point) {
    if (code_point >= 0xFF01 && code_point <= 0xFF5E) return code_point - 0xFF01 + 0x21;
    if (code_point == 0x3000) return 0x20;
    return code_point;
}

}  // namespace madoguchi::client
