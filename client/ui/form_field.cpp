#include "ui/form_field.hpp"

#include <imgui.h>

#include "ui/format.hpp"
#include "ui/item_registry.hpp"
#include "ui/style.hpp"

namespace madoguchi::client {
namespace {

void draw_label(const FieldFrame& frame, i18n::Language language) {
    ImGui::TextUnformatted(frame.label.data(), frame.label.data() + frame.label.size());
    if (frame.required) {
        ImGui::SameLine();
        ImGui::TextColored(status_colours().error, "%s", t("form.required", language));
    }
    if (!frame.hint.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, status_colours().muted);
        ImGui::TextWrapped("%.*s", static_cast<int>(frame.hint.size()), frame.hint.data());
        ImGui::PopStyleColor();
    }
}

void draw_error(const FieldFrame& frame) {
    if (frame.error.empty()) return;
    ImGui::PushStyleColor(ImGuiCol_Text, status_colours().error);
    ImGui::TextWrapped("%.*s", static_cast<int>(frame.error.size()), frame.error.data());
    ImGui::PopStyleColor();
    report_last_item(frame.error, "alert");
}

}  // namespace

TextFieldEvents form_text_field(const FieldFrame& frame, std::string& value, i18n::Language language,
                                const TextFieldOptions& options) {
    ImGui::PushID(frame.label.data(), frame.label.data() + frame.label.size());
    draw_label(frame, language);
    const bool invalid = !frame.error.empty();
    if (invalid) ImGui::PushStyleColor(ImGuiCol_Border, status_colours().error);
    if (invalid) ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 2.0F);
    const auto events = text_field(frame.label, value, options);
    if (invalid) ImGui::PopStyleVar();
    if (invalid) ImGui::PopStyleColor();
    draw_error(frame);
    ImGui::Spacing();
    ImGui::PopID();
    return events;
}

bool form_choice(const FieldFrame& frame, std::span<const std::string> labels, int& selected,
                 i18n::Language language) {
    ImGui::PushID(frame.label.data(), frame.label.data() + frame.label.size());
    draw_label(frame, language);
    const bool valid_index = selected >= 0 && selected < static_cast<int>(labels.size());
    const char* preview = valid_index ? labels[static_cast<std::size_t>(selected)].c_str() : t("form.choose", language);
    bool picked = false;
    ImGui::SetNextItemWidth(-FLT_MIN);
    std::string id = "##";
    id += frame.label;
    const bool open = ImGui::BeginCombo(id.c_str(), preview);
    report_last_item(frame.label, "combo", valid_index ? std::string_view{labels[static_cast<std::size_t>(selected)]} : "");
    if (open) {
        for (int i = 0; i < static_cast<int>(labels.size()); ++i) {
            const bool current = i == selected;
            if (ImGui::Selectable(labels[static_cast<std::size_t>(i)].c_str(), current)) {
                picked = selected != i;
                selected = i;
            }
            annotate_last_item("option", current ? "selected" : "");
            if (current) ImGui::SetItemDefaultFocus();
        }
        ImGui::EndCombo();
    }
    draw_error(frame);
    ImGui::Spacing();
    ImGui::PopID();
    return picked;
}

}  // namespace madoguchi::client
