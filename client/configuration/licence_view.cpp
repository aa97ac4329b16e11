#include "configuration/licence_view.hpp"

#include <imgui.h>

#include <algorithm>

#include "app/app.hpp"
#include "configuration/pane_widgets.hpp"
#include "ui/data_table.hpp"
#include "ui/form_field.hpp"
#include "ui/format.hpp"
#include "ui/item_registry.hpp"
#include "ui/list_state.hpp"
#include "ui/style.hpp"

namespace madoguchi::client {
namespace {

using i18n::Language;

void draw_usage_bar(const configuration::SeatUsage& usage, Language language) {
    const auto text = usage_text(usage, language);
    const bool over = usage.over_allocated();
    if (over) ImGui::PushStyleColor(ImGuiCol_PlotHistogram, status_colours().error);
    ImGui::ProgressBar(std::min(1.0F, static_cast<float>(usage.fraction())), ImVec2(-1.0F, 0.0F), seats_text(usage).c_str());
    if (over) ImGui::PopStyleColor();
    report_last_item(i18n::text("configuration.licence.usage_bar", language), "progressbar", seats_text(usage));
    if (over) {
        draw_alert(text);
    } else {
        draw_status(text);
    }
}

void draw_terms(const configuration::Licence& licence, Language language) {
    std::string term = licence.term_start ? calendar::format_date(*licence.term_start) : std::string();
    term.append(" 〜 ").append(licence.term_end ? calendar::format_date(*licence.term_end) : std::string());
    const auto text = fill_template(i18n::text("configuration.licence.term", language), {{"term", term}});
    draw_status(text);
    if (!licence.notes.empty()) draw_status(licence.notes);
}

void draw_assign_form(App& app, LicencePanel& panel, Language language) {
    draw_heading(i18n::text("configuration.assign.heading", language));
    const auto& errors = panel.errors();
    auto assignee_error = errors.field("user_login", language);
    if (assignee_error.empty()) assignee_error = errors.field("device_id", language);
    form_text_field({i18n::text("configuration.assign.assignee", language), true, assignee_error,
                     i18n::text("configuration.assign.assignee_hint", language)},
                    panel.assignee, language);
    if (panel.needs_reason()) {
        draw_alert(i18n::text("configuration.assign.no_free_seat", language));
        TextFieldOptions options;
        options.multiline = true;
        options.visible_lines = 2;
        form_text_field({i18n::text("configuration.assign.reason", language), true, errors.field("reason", language), {}},
                        panel.reason, language, options);
    } else {
        draw_alert(errors.general(language));
    }
    ImGui::BeginDisabled(panel.busy());
    if (panel.needs_reason()) {
        if (ImGui::Button(t("configuration.assign.beyond", language))) panel.assign(app.api(), true);
    } else if (ImGui::Button(t("configuration.assign.button", language))) {
        panel.assign(app.api(), false);
    }
    ImGui::EndDisabled();
}

void draw_unassign(App& app, LicencePanel& panel, Language language) {
    const auto row = panel.table().current_row();
    if (!row || *row >= panel.assignments().size()) return;
    const auto& assignment = panel.assignments()[*row];
    const auto label = fill_template(i18n::text("configuration.unassign", language),
                                     {{"holder", panel.table().cell_text(*row, 0)}});
    ImGui::BeginDisabled(panel.busy());
    if (ImGui::Button(label.c_str())) panel.unassign(app.api(), assignment.id);
    ImGui::EndDisabled();
}

}  // namespace

void draw_licence_tab(App& app, LicencePanel& panel, bool may_edit, Language language) {
    if (panel.state() == LicencePanel::State::failed) {
        if (draw_error_state(panel.error_text(), language)) panel.load(app.api(), panel.item_id());
        return;
    }
    if (panel.state() != LicencePanel::State::loaded && !panel.usage()) {
        draw_loading_state(language);
        return;
    }
    if (!panel.licence() || !panel.usage()) {
        draw_status(i18n::text("configuration.licence.none", language));
        return;
    }
    draw_usage_bar(*panel.usage(), language);
    draw_terms(*panel.licence(), language);
    if (may_edit) {
        draw_assign_form(app, panel, language);
        draw_unassign(app, panel, language);
    }
    draw_heading(i18n::text("configuration.assignments.heading", language));
    DataTableOptions options;
    options.empty_message_key = "configuration.assignments.empty";
    options.height = ImGui::GetFontSize() * 14.0F;
    draw_data_table("licence_assignments", panel.table(), options, language);
}

}  // namespace madoguchi::client
