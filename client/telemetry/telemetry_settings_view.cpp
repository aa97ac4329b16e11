#include "telemetry/telemetry_settings_view.hpp"

#include <imgui.h>

#include "app/app.hpp"
#include "configuration/pane_widgets.hpp"
#include "telemetry/telemetry_page.hpp"
#include "ui/form_field.hpp"
#include "ui/format.hpp"
#include "ui/item_registry.hpp"
#include "ui/list_state.hpp"

namespace madoguchi::client {
namespace {

using i18n::Language;
using identity::Role;
using Clock = std::chrono::steady_clock;

// A field of the rules' form: its wire name (its catalog keys and errors go by it) and input.
struct RulesField {
    const char* name;
    std::string LoopRulesForm::Inputs::*input;
};

constexpr RulesField rules_fields[] = {
    {"offline_cycles", &LoopRulesForm::Inputs::offline_cycles},
    {"lead_time_days", &LoopRulesForm::Inputs::lead_time_days},
    {"order_at_percent", &LoopRulesForm::Inputs::order_at_percent},
    {"replacement_rise", &LoopRulesForm::Inputs::replacement_rise},
    {"window_days", &LoopRulesForm::Inputs::window_days},
    {"min_days", &LoopRulesForm::Inputs::min_days},
    {"incident_requester", &LoopRulesForm::Inputs::incident_requester},
};

void draw_rules(App& app, LoopRulesForm& form, bool editable, Language language) {
    draw_heading(i18n::text("telemetry_settings.rules.heading", language));
    if (form.state() == LoopRulesForm::State::failed) {
        if (draw_error_state(error_text(form.error(), language), language)) form.load(app.api());
        return;
    }
    const auto* stored = form.stored();
    if (stored == nullptr) {
        draw_loading_state(language);
        return;
    }
    draw_status(rules_changed_text(*stored, language, app.preferences().wareki));
    if (!editable) draw_status(i18n::text("telemetry_settings.read_only", language));
    ImGui::BeginDisabled(!editable);
    for (const auto& field : rules_fields) {
        const std::string key = std::string("telemetry_settings.rules.") + field.name;
        const auto label = i18n::text(key, language);
        const auto hint = i18n::text(key + ".hint", language);
        const auto error = form.field_error(field.name, language);
        form_text_field(FieldFrame{label, field.input != &LoopRulesForm::Inputs::incident_requester, error, hint},
                        form.inputs().*field.input, language);
    }
    ImGui::EndDisabled();
    draw_alert(form.general_error(language));
    if (!editable) return;
    ImGui::BeginDisabled(form.busy() || !form.changed());
    if (ImGui::Button(t("telemetry_settings.rules.save", language))) form.save(app.api());
    ImGui::SameLine();
    if (ImGui::Button(t("telemetry_settings.rules.revert", language))) form.revert();
    ImGui::EndDisabled();
}

std::string updated_text(const ModelSpeedRow& row, Language language, bool wareki) {
    if (!row.updated_at) return "—";
    return fill_template(i18n::text("telemetry_settings.speeds.updated", language),
                         {{"by", row.updated_by}, {"at", format_display_time(*row.updated_at, language, wareki)}});
}

void draw_speed_row(App& app, ModelSpeeds& speeds, const ModelSpeedRow& row, bool editable, Language language) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(row.model.c_str());
    report_last_item(row.model, "table-row");
    ImGui::TableNextColumn();
    if (editable) {
        const auto label = fill_template(i18n::text("telemetry_settings.speeds.field", language), {{"model", row.model}});
        ImGui::SetNextItemWidth(-1.0F);
        text_field(label, speeds.input(row.model_id));
    } else {
        const auto entered = row.pages_per_minute ? std::to_string(*row.pages_per_minute)
                                                  : i18n::text("telemetry_settings.speeds.not_entered", language);
        ImGui::TextUnformatted(entered.c_str());
        report_last_item(entered, "text");
    }
    ImGui::TableNextColumn();
    const auto effective = std::to_string(row.effective_pages_per_minute);
    ImGui::TextUnformatted(effective.c_str());
    ImGui::TableNextColumn();
    const auto updated = updated_text(row, language, app.preferences().wareki);
    ImGui::TextUnformatted(updated.c_str());
    if (!editable) return;
    ImGui::TableNextColumn();
    // Every row shows 保存 and 元に戻す; each is named after its model for tests and screen readers.
    ImGui::BeginDisabled(speeds.busy() || !speeds.changed(row.model_id));
    if (ImGui::Button(t("telemetry_settings.save", language))) speeds.save(app.api(), row.model_id);
    name_last_item(fill_template(i18n::text("telemetry_settings.speeds.save_named", language), {{"model", row.model}}));
    ImGui::SameLine();
    if (ImGui::Button(t("telemetry_settings.revert", language))) speeds.revert(row.model_id);
    name_last_item(fill_template(i18n::text("telemetry_settings.speeds.revert_named", language), {{"model", row.model}}));
    ImGui::EndDisabled();
    draw_alert(speeds.row_error(row.model_id, language));
}

void draw_speeds(App& app, ModelSpeeds& speeds, bool editable, Language language) {
    draw_heading(i18n::text("telemetry_settings.speeds.heading", language));
    if (speeds.state() == ModelSpeeds::State::failed) {
        if (draw_error_state(error_text(speeds.error(), language), language)) speeds.load(app.api());
        return;
    }
    if (speeds.state() != ModelSpeeds::State::loaded) {
        draw_loading_state(language);
        return;
    }
    draw_status(fill_template(i18n::text("telemetry_settings.speeds.note", language),
                              {{"pages", std::to_string(speeds.fleet_max_pages_per_minute())}}));
    if (speeds.rows().empty()) {
        draw_empty_state("telemetry_settings.speeds.empty", {}, language);
        return;
    }
    constexpr auto flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("model_speeds", editable ? 5 : 4, flags)) return;
    for (const auto* key : {"telemetry_settings.speeds.column.model", "telemetry_settings.speeds.column.entered",
                            "telemetry_settings.speeds.column.effective", "telemetry_settings.speeds.column.updated"}) {
        ImGui::TableSetupColumn(t(key, language));
    }
    if (editable) ImGui::TableSetupColumn("");
    ImGui::TableHeadersRow();
    const auto rows = speeds.rows();  // an answer may replace a row while the table is drawn
    for (const auto& row : rows) {
        ImGui::PushID(static_cast<int>(row.model_id));
        draw_speed_row(app, speeds, row, editable, language);
        ImGui::PopID();
    }
    ImGui::EndTable();
}

}  // namespace

void draw_telemetry_settings(App& app) {
    auto& page = app.telemetry_page();
    const auto language = app.preferences().language;
    const auto* user = app.session().user();
    const bool editable = user != nullptr && user->has_any({Role::it_office, Role::admin});
    if (page.rules.state() == LoopRulesForm::State::idle) page.rules.load(app.api());
    if (page.speeds.state() == ModelSpeeds::State::idle) page.speeds.load(app.api());
    if (page.rules.take_saved()) app.toasts().show(ToastKind::success, "telemetry_settings.rules.saved", Clock::now());
    if (page.speeds.take_saved()) app.toasts().show(ToastKind::success, "telemetry_settings.speeds.saved", Clock::now());
    // A reload keeps what was typed (the forms say how); while a save is under way its answer
    // is awaited first.
    ImGui::BeginDisabled(page.rules.busy() || page.speeds.busy());
    if (ImGui::Button(t("telemetry_office.reload", language))) {
        page.rules.load(app.api());
        page.speeds.load(app.api());
    }
    ImGui::EndDisabled();
    if (page.rules.changed() || page.speeds.any_changed()) {
        ImGui::SameLine();
        draw_status(i18n::text("telemetry_settings.unsaved", language));
    }
    draw_rules(app, page.rules, editable, language);
    ImGui::Separator();
    draw_speeds(app, page.speeds, editable, language);
}

}  // namespace madoguchi::client
