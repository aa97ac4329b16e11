#include "configuration/pane_widgets.hpp"

#include <imgui.h>

#include "ui/item_registry.hpp"
#include "ui/style.hpp"

namespace madoguchi::client {

void draw_alert(const std::string& text) {
    if (text.empty()) return;
    ImGui::PushStyleColor(ImGuiCol_Text, status_colours().error);
    ImGui::TextWrapped("%s", text.c_str());
    ImGui::PopStyleColor();
    report_last_item(text, "alert");
}

void draw_status(const std::string& text) {
    ImGui::TextWrapped("%s", text.c_str());
    report_last_item(text, "status");
}

void draw_heading(const std::string& text) {
    ImGui::Spacing();
    ImGui::TextUnformatted(text.c_str());
    report_last_item(text, "heading");
}

}  // namespace madoguchi::client
