#include "configuration/settings_view.hpp"

#include <imgui.h>

#include "app/app.hpp"
#include "configuration/pane_widgets.hpp"
#include "ui/data_table.hpp"
#include "ui/form_field.hpp"
#include "ui/format.hpp"
#include "ui/item_registry.hpp"
#include "ui/key_map.hpp"
#include "ui/list_state.hpp"
#include "ui/style.hpp"

namespace madoguchi::client {
namespace {

using i18n::Language;

// A choice among the versions, newest first; true when another was picked.
void version_choice(const char* label_key, std::int64_t& number, const SettingsHistory& history, Language language) {
    std::vector<std::string> labels;
    int selected = -1;
    for (std::size_t i = 0; i < history.versions().size(); ++i) {
        const auto& version = history.versions()[i];
        labels.push_back(fill_template(i18n::text("configuration.settings.version_label", language),
                                       {{"number", std::to_string(version.number)}, {"reason", version.reason}}));
        if (version.number == number) selected = static_cast<int>(i);
    }
    if (form_choice({i18n::text(label_key, language), false, {}, {}}, labels, selected, language)) {
        number = history.versions()[static_cast<std::size_t>(selected)].number;
    }
}

void draw_diff(const SettingsHistory& history, Language language) {
    draw_heading(i18n::text("configuration.settings.diff", language));
    const auto lines = history.diff();
    if (lines.empty()) {
        draw_status(i18n::text("configuration.settings.no_difference", language));
        return;
    }
    const auto& colours = status_colours();
    for (const auto& line : lines) {
        const auto& colour = line.kind == DiffKind::added ? colours.ok : line.kind == DiffKind::removed ? colours.error : colours.warning;
        const auto text = diff_line_text(line, language);
        ImGui::PushStyleColor(ImGuiCol_Text, colour);
        ImGui::TextWrapped("%s", text.c_str());
        ImGui::PopStyleColor();
        report_last_item(text, "text", line.kind == DiffKind::added ? "added" : line.kind == DiffKind::removed ? "removed" : "changed");
    }
}

void draw_change_form(App& app, SettingsHistory& history, Language language) {
    draw_heading(i18n::text("configuration.settings.change", language));
    const auto& errors = history.errors();
    if (history.stale()) draw_alert(i18n::text("configuration.settings.stale", language));
    form_text_field({i18n::text("configuration.settings.parameter", language), true, errors.field("parameter", language),
                     i18n::text("configuration.settings.parameter_hint", language)},
                    history.parameter, language);
    form_text_field({i18n::text("configuration.settings.value", language), false, errors.field("value", language), {}},
                    history.value, language);
    form_text_field({i18n::text("configuration.settings.reason", language), true, errors.field("reason", language), {}},
                    history.reason, language);
    if (!history.restoring()) draw_alert(errors.general(language));
    ImGui::BeginDisabled(history.busy());
    if (ImGui::Button(t("configuration.settings.save", language))) history.change(app.api());
    ImGui::EndDisabled();
}

void draw_restore_button(SettingsHistory& history, Language language) {
    auto& table = history.table();
    const auto row = table.current_row();
    if (!row || *row >= history.versions().size() || *row == 0) return;  // row 0 is the newest
    const auto number = history.versions()[*row].number;
    const auto label = fill_template(i18n::text("configuration.settings.restore", language), {{"number", std::to_string(number)}});
    ImGui::BeginDisabled(history.busy());
    if (ImGui::Button(label.c_str())) history.ask_restore(number);
    ImGui::EndDisabled();
}

}  // namespace

std::string diff_line_text(const DiffLine& line, Language language) {
    switch (line.kind) {
        case DiffKind::added:
            return fill_template(i18n::text("configuration.diff.added", language), {{"parameter", line.parameter}, {"after", line.after}});
        case DiffKind::removed:
            return fill_template(i18n::text("configuration.diff.removed", language), {{"parameter", line.parameter}, {"before", line.before}});
        case DiffKind::changed:
            break;
    }
    return fill_template(i18n::text("configuration.diff.changed", language),
                         {{"parameter", line.parameter}, {"before", line.before}, {"after", line.after}});
}

void draw_settings_tab(App& app, SettingsHistory& history, bool may_edit, Language language) {
    if (history.state() == SettingsHistory::State::failed) {
        if (draw_error_state(history.error_text(), language)) history.load(app.api(), history.item_id());
        return;
    }
    if (history.state() != SettingsHistory::State::loaded && history.versions().empty()) {
        draw_loading_state(language);
        return;
    }
    DataTableOptions options;
    options.empty_message_key = "configuration.settings.empty";
    options.height = ImGui::GetFontSize() * 9.0F;
    draw_data_table("settings_versions", history.table(), options, language);
    if (may_edit) draw_restore_button(history, language);
    if (!history.versions().empty()) {
        version_choice("configuration.settings.from", history.from, history, language);
        version_choice("configuration.settings.to", history.to, history, language);
        draw_diff(history, language);
    }
    if (may_edit) draw_change_form(app, history, language);
}

void draw_restore_dialog(App& app, SettingsHistory& history, Language language) {
    const auto title = i18n::text("configuration.restore.title", language) + "###settings_restore";
    if (history.restoring() && !ImGui::IsPopupOpen(title.c_str())) ImGui::OpenPopup(title.c_str());
    const auto* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5F, 0.5F));
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 28.0F, 0.0F));
    if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_NoSavedSettings)) return;
    if (history.restoring()) {
        const auto message = fill_template(i18n::text("configuration.restore.message", language),
                                           {{"number", std::to_string(*history.restoring())}});
        ImGui::TextWrapped("%s", message.c_str());
        report_last_item(message, "text");
        TextFieldOptions options;
        options.multiline = true;
        options.visible_lines = 3;
        form_text_field({i18n::text("configuration.restore.reason", language), true,
                         history.errors().field("restore_reason", language), {}},
                        history.restore_reason, language, options);
        draw_alert(history.errors().general(language));
        ImGui::BeginDisabled(history.busy());
        if (ImGui::Button(t("configuration.restore.confirm", language))) history.confirm_restore(app.api());
        ImGui::EndDisabled();
        ImGui::SameLine();
        if (ImGui::Button(t("configuration.restore.cancel", language)) || ImGui::IsKeyPressed(key_escape, false)) {
            history.cancel_restore();
        }
    }
    if (!history.restoring()) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

}  // namespace madoguchi::client
