#include "telemetry/firmware_compliance_view.hpp"

#include <imgui.h>

#include "api/form_errors.hpp"
#include "app/app.hpp"
#include "configuration/pane_widgets.hpp"
#include "telemetry/firmware_compliance.hpp"
#include "ui/form_field.hpp"
#include "ui/format.hpp"
#include "ui/item_registry.hpp"
#include "ui/list_state.hpp"

namespace madoguchi::client {
namespace {

using i18n::Language;
using identity::Role;
using Clock = std::chrono::steady_clock;

std::string standing_text(telemetry::FirmwareStanding standing, Language language) {
    return i18n::text(telemetry::firmware_standing_label_key(standing), language);
}

// The release ticket in the desk's ticket pane, as a notification's link opens a ticket.
void open_ticket(App& app, std::int64_t id) {
    if (!app.allowed(Area::ticket_desk)) return;
    auto& page = app.ticket_desk_page();
    page.tab = TicketDeskPage::Tab::list;
    if (page.started) page.list.reload(app.api());
    page.detail.open(app.api(), id);
    app.select(Area::ticket_desk);
}

void draw_models(FirmwareCompliance& firmware, Language language) {
    constexpr auto flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("firmware_models", 7, flags)) return;
    for (const auto* key : {"telemetry_office.firmware.column.model", "telemetry_office.firmware.column.target",
                            "telemetry.firmware.behind", "telemetry.firmware.current", "telemetry.firmware.ahead",
                            "telemetry.firmware.unknown", "telemetry_office.firmware.column.plan"}) {
        ImGui::TableSetupColumn(t(key, language));
    }
    ImGui::TableHeadersRow();
    const auto* opened = firmware.opened();
    for (const auto& model : firmware.models()) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        const bool selected = opened != nullptr && opened->model_id == model.model_id;
        ImGui::PushID(static_cast<int>(model.model_id));
        if (ImGui::Selectable(model.model.c_str(), selected, ImGuiSelectableFlags_SpanAllColumns)) firmware.open(model.model_id);
        annotate_last_item("table-row", selected ? "selected" : "");
        ImGui::PopID();
        const auto target = model.target ? *model.target : i18n::text("telemetry_office.firmware.no_target", language);
        for (const auto& text : {target, std::to_string(model.behind), std::to_string(model.current), std::to_string(model.ahead),
                                 std::to_string(model.unknown), model.open_plan ? model.open_plan->number : std::string("—")}) {
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(text.c_str());
        }
    }
    ImGui::EndTable();
}

void draw_versions(const ModelFirmware& model, Language language) {
    draw_heading(i18n::text("telemetry_office.firmware.versions", language));
    if (model.devices.empty()) draw_status(i18n::text("telemetry_office.firmware.no_devices", language));
    for (const auto& version : model.running_versions()) {
        const auto name = version.version.empty() ? i18n::text("telemetry_office.firmware.not_read", language) : version.version;
        const auto line = fill_template(i18n::text("telemetry_office.firmware.version_line", language),
                                        {{"version", name},
                                         {"devices", std::to_string(version.devices)},
                                         {"standing", standing_text(version.standing, language)}});
        ImGui::BulletText("%s", line.c_str());
        report_last_item(line, "listitem", telemetry::firmware_standing_name(version.standing));
    }
}

void draw_target(App& app, FirmwareCompliance& firmware, const ModelFirmware& model, Language language) {
    const auto* user = app.session().user();
    const bool sets_targets = user != nullptr && user->has_any({Role::it_office, Role::admin});
    if (model.target) {
        draw_status(fill_template(i18n::text("telemetry_office.firmware.target_is", language),
                                  {{"version", *model.target}, {"by", model.target_updated_by}}));
    } else {
        draw_status(i18n::text("telemetry_office.firmware.no_target_long", language));
    }
    if (!sets_targets) return;
    form_text_field(FieldFrame{i18n::text("telemetry_office.firmware.target_field", language), true, {},
                               i18n::text("telemetry_office.firmware.target_hint", language)},
                    firmware.target_input(), language);
    ImGui::BeginDisabled(firmware.busy());
    if (ImGui::Button(t("telemetry_office.firmware.set_target", language))) firmware.set_target(app.api());
    ImGui::EndDisabled();
}

void draw_plan(App& app, FirmwareCompliance& firmware, const ModelFirmware& model, Language language) {
    const auto* user = app.session().user();
    if (model.open_plan) {
        const auto& plan = *model.open_plan;
        draw_status(fill_template(i18n::text("telemetry_office.firmware.plan_open", language),
                                  {{"number", plan.number}, {"version", plan.target_version},
                                   {"devices", std::to_string(plan.devices_behind)}}));
        if (app.allowed(Area::ticket_desk) && ImGui::Button(t("telemetry_office.firmware.open_plan", language))) {
            open_ticket(app, plan.ticket_id);
        }
        return;
    }
    const bool plans = user != nullptr && user->has_any({Role::desk_operator, Role::it_office});
    if (!plans || !model.target || model.behind == 0) return;
    ImGui::BeginDisabled(firmware.busy());
    if (ImGui::Button(t("telemetry_office.firmware.create_plan", language))) firmware.open_release_plan(app.api());
    ImGui::EndDisabled();
}

void draw_behind(const ModelFirmware& model, Language language) {
    const auto behind = model.devices_behind();
    draw_heading(fill_template(i18n::text("telemetry_office.firmware.behind_heading", language), {{"count", std::to_string(behind.size())}}));
    for (const auto* device : behind) {
        const auto line = device->asset_tag + "  " + device->running;
        ImGui::BulletText("%s", line.c_str());
        report_last_item(line, "listitem", "behind");
    }
}

void draw_model(App& app, FirmwareCompliance& firmware, const ModelFirmware& model, Language language) {
    draw_heading(model.model);
    draw_target(app, firmware, model, language);
    draw_alert(firmware.action_error(language));
    ImGui::Separator();
    draw_plan(app, firmware, model, language);
    ImGui::Separator();
    draw_versions(model, language);
    ImGui::Separator();
    draw_behind(model, language);
}

}  // namespace

void draw_firmware_compliance(App& app, FirmwareCompliance& firmware) {
    const auto language = app.preferences().language;
    if (firmware.state() == FirmwareCompliance::State::idle) firmware.load(app.api());
    if (const auto done = firmware.take_done(); !done.empty()) {
        app.toasts().show(ToastKind::success, "telemetry_office.firmware.done." + done, Clock::now());
    }
    if (ImGui::Button(t("telemetry_office.reload", language))) firmware.load(app.api());
    if (firmware.state() == FirmwareCompliance::State::failed) {
        if (draw_error_state(error_text(firmware.error(), language), language)) firmware.load(app.api());
        return;
    }
    if (firmware.state() == FirmwareCompliance::State::loading && firmware.models().empty()) {
        draw_loading_state(language);
        return;
    }
    if (firmware.models().empty()) {
        draw_empty_state("telemetry_office.firmware.empty", {}, language);
        return;
    }
    const auto* opened = firmware.opened();
    const float detail_width = opened != nullptr ? ImGui::GetContentRegionAvail().x * 0.45F : 0.0F;
    ImGui::BeginChild("firmware_models_pane", ImVec2(-detail_width, 0.0F));
    draw_models(firmware, language);
    ImGui::EndChild();
    if (opened != nullptr) {
        ImGui::SameLine();
        ImGui::BeginChild("firmware_model_pane", ImVec2(0.0F, 0.0F), true);
        const auto model = *opened;  // an answer may replace the row while it is drawn
        draw_model(app, firmware, model, language);
        ImGui::EndChild();
    }
}

}  // namespace madoguchi::client
