#include "kit/kit_input.hpp"

#include <imgui.h>

#include "ui/form_field.hpp"
#include "ui/format.hpp"
#include "ui/item_registry.hpp"

namespace madoguchi::client {
namespace {

constexpr std::size_t scans_shown = 5;

void show_line(const std::string& text, std::string_view role) {
    ImGui::TextUnformatted(text.c_str());
    report_last_item(text, role);
}

}  // namespace

void draw_kit_input(KitInputState& state, i18n::Language language) {
    const auto& name_label = i18n::text("kit.input.name", language);
    const auto name = form_text_field(FieldFrame{name_label, true, {}, {}}, state.name, language);
    if (name.submitted) ++state.name_submits;
    show_line(fill_template(i18n::text("kit.input.submits", language), {{"n", std::to_string(state.name_submits)}}),
              "status");

    TextFieldOptions multiline;
    multiline.multiline = true;
    multiline.visible_lines = 4;
    form_text_field(FieldFrame{i18n::text("kit.input.note", language), false, {}, {}}, state.note, language, multiline);

    const auto& code_label = i18n::text("kit.input.code", language);
    ImGui::TextUnformatted(code_label.c_str());
    if (scan_field(code_label, state.code).submitted && !state.code.empty()) {
        state.scanned.push_back(state.code);
        state.code.clear();
    }
    ImGui::TextDisabled("%s", t("kit.input.scanned", language));
    const auto first = state.scanned.size() > scans_shown ? state.scanned.size() - scans_shown : 0;
    for (auto i = state.scanned.size(); i > first; --i) show_line(state.scanned[i - 1], "listitem");
}

}  // namespace madoguchi::client
