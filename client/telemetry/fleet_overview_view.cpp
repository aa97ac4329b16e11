#include "telemetry/fleet_overview_view.hpp"

#include <imgui.h>

#include <string>
#include <utility>
#include <vector>

#include "app/app.hpp"
#include "configuration/pane_widgets.hpp"
#include "telemetry/device_telemetry_view.hpp"
#include "ui/data_table.hpp"
#include "ui/format.hpp"
#include "ui/item_registry.hpp"
#include "ui/list_state.hpp"
#include "ui/style.hpp"
#include "ui/text_field.hpp"

namespace madoguchi::client {
namespace {

using i18n::Language;

ImVec4 tone_colour(CellTone tone) {
    const auto& colours = status_colours();
    switch (tone) {
        case CellTone::ok:
            return colours.ok;
        case CellTone::warning:
            return colours.warning;
        case CellTone::error:
            return colours.error;
        case CellTone::plain:
        case CellTone::muted:
            return colours.muted;
    }
    return colours.muted;
}

// A state's count as a chip: a dot in the state's colour, its name and count. Pressing it
// shows only that state; pressing the chosen one shows all again.
bool state_chip(const std::string& state, std::int64_t count, bool chosen, Language language) {
    const auto label = printer_state_label(state, language) + " " + std::to_string(count);
    const float height = ImGui::GetFrameHeight();
    const float dot = ImGui::GetFontSize() * 0.7F;
    ImGui::Dummy(ImVec2(dot, height));
    const auto corner = ImGui::GetItemRectMin();
    ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(corner.x + dot * 0.5F, corner.y + height * 0.5F), dot * 0.5F,
                                                ImGui::ColorConvertFloat4ToU32(tone_colour(state_tone(state))));
    ImGui::SameLine(0.0F, ImGui::GetStyle().ItemInnerSpacing.x);
    if (chosen) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
    const auto id = label + "##chip_" + state;
    const bool pressed = ImGui::Button(id.c_str());
    if (chosen) ImGui::PopStyleColor();
    annotate_last_item("chip", chosen ? "selected" : "");
    return pressed;
}

// A compact choice: "すべて" and then each option; returns true when the choice changed.
template <typename Value>
bool filter_combo(const std::string& label, const std::vector<std::pair<Value, std::string>>& options, Value& value,
                  const Value& none, Language language) {
    ImGui::TextUnformatted(label.c_str());
    std::string preview = i18n::text("telemetry_fleet.filter.any", language);
    for (const auto& [option, text] : options) {
        if (option == value) preview = text;
    }
    ImGui::SetNextItemWidth(-FLT_MIN);
    const auto id = "##" + label;
    const bool open = ImGui::BeginCombo(id.c_str(), preview.c_str());
    report_last_item(label, "combo", preview);
    if (!open) return false;
    const auto before = value;
    if (ImGui::Selectable(t("telemetry_fleet.filter.any", language), value == none)) value = none;
    for (const auto& [option, text] : options) {
        if (ImGui::Selectable(text.c_str(), option == value)) value = option;
        annotate_last_item("option", option == value ? "selected" : "");
    }
    ImGui::EndCombo();
    return !(before == value);
}

void draw_filter_bar(App& app, TelemetryPage& page, Language language) {
    auto& filter = page.filter;
    auto& fleet = page.fleet;
    bool search = false;
    if (ImGui::BeginTable("telemetry_filters", 4, ImGuiTableFlags_SizingStretchSame)) {
        ImGui::TableNextColumn();
        std::vector<std::pair<std::string, std::string>> floors;
        for (const auto& floor : fleet.floors()) floors.emplace_back(floor, floor);
        search |= filter_combo(i18n::text("telemetry_fleet.filter.floor", language), floors, filter.floor, std::string(), language);
        ImGui::TableNextColumn();
        std::vector<std::pair<std::optional<std::int64_t>, std::string>> models;
        for (const auto& [id, name] : fleet.models()) models.emplace_back(id, name);
        search |= filter_combo(i18n::text("telemetry_fleet.filter.model", language), models, filter.model_id,
                               std::optional<std::int64_t>(), language);
        ImGui::TableNextColumn();
        std::vector<std::pair<std::string, std::string>> states;
        for (const auto& state : printer_state_names()) states.emplace_back(state, printer_state_label(state, language));
        search |= filter_combo(i18n::text("telemetry_fleet.filter.state", language), states, filter.state, std::string(), language);
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(t("telemetry_fleet.filter.text", language));
        search |= text_field(i18n::text("telemetry_fleet.filter.text", language), filter.text).submitted;
        ImGui::EndTable();
    }
    search |= ImGui::Button(t("telemetry_fleet.filter.search", language));
    ImGui::SameLine();
    if (ImGui::Button(t("telemetry_fleet.filter.clear", language))) {
        filter = {};
        search = true;
    }
    if (search) fleet.load(app.api(), filter);
}

void draw_state_chips(App& app, TelemetryPage& page, Language language) {
    bool first = true;
    for (const auto& [state, count] : page.fleet.state_counts()) {
        if (!first) ImGui::SameLine();
        first = false;
        const bool chosen = page.filter.state == state;
        if (state_chip(state, count, chosen, language)) {
            page.filter.state = chosen ? std::string() : state;
            page.fleet.load(app.api(), page.filter);
        }
    }
}

void draw_pager(App& app, FleetOverview& fleet, Language language) {
    draw_status(fleet.page_text(language));
    ImGui::SameLine();
    ImGui::BeginDisabled(!fleet.has_previous());
    if (ImGui::SmallButton(t("telemetry_fleet.page.previous", language))) fleet.previous_page(app.api());
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(!fleet.has_next());
    if (ImGui::SmallButton(t("telemetry_fleet.page.next", language))) fleet.next_page(app.api());
    ImGui::EndDisabled();
}

}  // namespace

void draw_fleet_overview(App& app, calendar::Instant now) {
    auto& page = app.telemetry_page();
    const auto language = app.preferences().language;
    auto& fleet = page.fleet;
    fleet.set_language(language);
    fleet.set_now(now);
    if (page.device.id() != 0) {
        draw_device_telemetry(app, now);
        return;
    }
    draw_state_chips(app, page, language);
    draw_filter_bar(app, page, language);
    ImGui::Separator();
    if (fleet.state() == FleetOverview::State::failed) {
        if (draw_error_state(fleet.error_text(), language)) fleet.reload(app.api());
        return;
    }
    if (fleet.state() != FleetOverview::State::loaded && fleet.devices().empty()) {
        draw_loading_state(language);
        return;
    }
    if (fleet.total() == 0 && fleet.filter() == FleetFilter{}) {
        draw_empty_state("telemetry_fleet.empty", {}, language);
        return;
    }
    if (fleet.devices().empty()) {
        if (draw_no_matches_state(language)) {
            page.filter = {};
            fleet.load(app.api(), page.filter);
        }
        return;
    }
    draw_pager(app, fleet, language);
    DataTableOptions options;
    options.empty_message_key = "telemetry_fleet.empty";
    draw_data_table("telemetry_fleet", fleet.table(), options, language);
    // A click on a row (or moving to it with the keyboard) opens the device.
    if (const auto chosen = fleet.take_chosen()) page.device.open(app.api(), *chosen);
}

}  // namespace madoguchi::client
