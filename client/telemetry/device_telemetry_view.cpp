#include "telemetry/device_telemetry_view.hpp"

#include <imgui.h>

#include <string>

#include "app/app.hpp"
#include "configuration/pane_widgets.hpp"
#include "notifications/relative_time.hpp"
#include "ui/charts.hpp"
#include "ui/format.hpp"
#include "ui/item_registry.hpp"
#include "ui/list_state.hpp"
#include "ui/style.hpp"

namespace madoguchi::client {
namespace {

using i18n::Language;
using identity::Role;

// "ラベル：値", wrapped, findable by its whole text.
void line(const char* label_key, const std::string& value, Language language) {
    auto text = i18n::text(label_key, language);
    text.append("：").append(value);
    ImGui::TextWrapped("%s", text.c_str());
    report_last_item(text, "text");
}

void cell(const std::string& text) {
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(text.c_str());
    report_last_item(text, "cell");
}

// A small table with headers from the catalog; false when there is nothing to draw into.
bool begin_list(const char* id, std::initializer_list<const char*> header_keys, Language language) {
    if (!ImGui::BeginTable(id, static_cast<int>(header_keys.size()),
                           ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
        return false;
    }
    for (const auto* key : header_keys) ImGui::TableSetupColumn(t(key, language));
    ImGui::TableHeadersRow();
    return true;
}

std::string time_text(const std::optional<calendar::Instant>& at, Language language, bool wareki) {
    return at ? format_display_time(*at, language, wareki) : std::string("—");
}

void draw_identity(const DeviceTelemetryRecord& record, Language language, bool wareki, calendar::Instant now) {
    const auto state = printer_state_label(record.printer_state, language);
    ImGui::PushStyleColor(ImGuiCol_Text, record.printer_state == "ok"        ? status_colours().ok
                                         : record.printer_state == "error"   ? status_colours().error
                                         : record.printer_state == "attention" ? status_colours().warning
                                                                               : status_colours().muted);
    line("telemetry_fleet.detail.state", state, language);
    ImGui::PopStyleColor();
    line("telemetry_fleet.detail.address", record.network_address + " (" + record.snmp_profile + ")", language);
    if (!record.polled) {
        draw_status(i18n::text("telemetry_fleet.detail.never_polled", language));
        return;
    }
    if (!record.sys_name.empty()) line("telemetry_fleet.detail.sys_name", record.sys_name, language);
    if (!record.sys_descr.empty()) line("telemetry_fleet.detail.sys_descr", record.sys_descr, language);
    if (!record.serial_number.empty()) line("telemetry_fleet.detail.serial", record.serial_number, language);
    if (!record.firmware_version.empty()) {
        line("telemetry_fleet.detail.firmware", as_of_text(record.firmware_version, record.firmware_read_at, language, wareki),
             language);
    }
    if (!record.device_status.empty()) {
        line("telemetry_fleet.detail.device_status", wire_label("telemetry.device_status.", record.device_status, language) +
                                                          " / " + wire_label("telemetry.activity.", record.activity, language),
             language);
    }
    if (record.page_count) {
        line("telemetry_fleet.detail.page_count",
             as_of_text(format_number(static_cast<double>(*record.page_count)), record.counters_read_at, language, wareki),
             language);
    }
    line("telemetry_fleet.detail.polled_at", time_text(record.polled_at, language, wareki), language);
    line("telemetry_fleet.detail.last_seen",
         record.last_seen_at ? format_relative_time(*record.last_seen_at, now, language)
                             : i18n::text("telemetry_fleet.never_seen", language),
         language);
    if (!record.reachable) {
        draw_alert(fill_template(i18n::text("telemetry_fleet.detail.unreachable", language),
                                 {{"failure", record.failure}, {"cycles", std::to_string(record.offline_cycles)}}));
    }
}

void draw_conditions(const DeviceTelemetryRecord& record, Language language) {
    draw_heading(i18n::text("telemetry_fleet.detail.conditions", language));
    if (record.conditions.empty()) {
        draw_status(i18n::text("telemetry_fleet.detail.no_conditions", language));
        return;
    }
    for (const auto& condition : record.conditions) {
        auto text = "・" + wire_label("telemetry.condition.", condition.condition, language);
        if (condition.opens_vendor_incident) text += i18n::text("telemetry_fleet.detail.vendor_incident", language);
        if (condition.affects_users) text += i18n::text("telemetry_fleet.detail.affects_users", language);
        ImGui::TextUnformatted(text.c_str());
        report_last_item(text, "text");
    }
}

void draw_toners(const DeviceTelemetryRecord& record, Language language) {
    draw_heading(i18n::text("telemetry_fleet.detail.toners", language));
    if (record.toners.empty()) {
        draw_status(i18n::text("telemetry_fleet.detail.no_toners", language));
        return;
    }
    if (!begin_list("toners", {"telemetry_fleet.detail.colour", "telemetry_fleet.column.toner", "telemetry_fleet.column.days",
                               "telemetry_fleet.detail.per_day"},
                    language)) {
        return;
    }
    for (const auto& toner : record.toners) {
        ImGui::TableNextRow();
        cell(wire_label("telemetry.colour.", toner.colour, language));
        cell(toner_text(toner, language));
        cell(days_text(toner.days_to_empty, language));
        cell(toner.percent_per_day ? format_number(*toner.percent_per_day, 0.1) + "%" : std::string("—"));
    }
    ImGui::EndTable();
}

void draw_charts(const DeviceTelemetryRecord& record, Language language) {
    const float height = ImGui::GetFontSize() * 11.0F;
    draw_chart(ChartKind::line, counter_chart(record, language), height, language);
    draw_chart(ChartKind::line, toner_chart(record, language), height, language);
}

void draw_alerts(const DeviceTelemetryRecord& record, Language language) {
    if (record.alerts.empty()) return;
    draw_heading(i18n::text("telemetry_fleet.detail.alerts", language));
    if (!begin_list("alerts", {"telemetry_fleet.detail.severity", "telemetry_fleet.detail.alert_code",
                               "telemetry_fleet.detail.description"},
                    language)) {
        return;
    }
    for (const auto& alert : record.alerts) {
        ImGui::TableNextRow();
        cell(i18n::text("telemetry_fleet.severity." + alert.severity, language));
        cell(std::to_string(alert.group) + "/" + std::to_string(alert.code));
        cell(alert.description);
    }
    ImGui::EndTable();
}

void draw_condition_history(const DeviceTelemetryRecord& record, Language language, bool wareki) {
    draw_heading(i18n::text("telemetry_fleet.detail.history", language));
    if (record.condition_history.empty()) {
        draw_status(i18n::text("telemetry_fleet.detail.no_history", language));
        return;
    }
    if (!begin_list("history", {"telemetry_fleet.detail.at", "telemetry_fleet.column.state",
                                "telemetry_fleet.detail.conditions"},
                    language)) {
        return;
    }
    for (auto change = record.condition_history.rbegin(); change != record.condition_history.rend(); ++change) {
        ImGui::TableNextRow();
        cell(format_display_time(change->at, language, wareki));
        cell(printer_state_label(change->state, language));
        std::string names;
        for (const auto& condition : change->conditions) {
            if (!names.empty()) names += language == Language::ja ? "、" : ", ";
            names += wire_label("telemetry.condition.", condition, language);
        }
        cell(names.empty() ? i18n::text("telemetry_fleet.detail.no_conditions", language) : names);
    }
    ImGui::EndTable();
}

void draw_orders_and_incidents(const DeviceTelemetryRecord& record, Language language, bool wareki) {
    draw_heading(i18n::text("telemetry_fleet.detail.orders", language));
    if (record.orders.empty()) {
        draw_status(i18n::text("telemetry_fleet.detail.no_orders", language));
    } else if (begin_list("orders", {"telemetry_fleet.detail.colour", "telemetry_fleet.column.state",
                                     "telemetry_fleet.detail.reason", "telemetry_fleet.detail.ordered_at"},
                          language)) {
        for (const auto& order : record.orders) {
            ImGui::TableNextRow();
            cell(wire_label("telemetry.colour.", order.colour, language));
            cell(wire_label("telemetry.order_state.", order.state, language));
            cell(wire_label("telemetry.order_reason.", order.reason, language));
            cell(time_text(order.created_at, language, wareki));
        }
        ImGui::EndTable();
    }
    draw_heading(i18n::text("telemetry_fleet.detail.incidents", language));
    if (record.incidents.empty()) {
        draw_status(i18n::text("telemetry_fleet.detail.no_incidents", language));
    } else if (begin_list("incidents", {"telemetry_fleet.detail.ticket", "telemetry_fleet.detail.conditions",
                                        "telemetry_fleet.detail.opened_at", "telemetry_fleet.detail.cleared_at"},
                          language)) {
        for (const auto& incident : record.incidents) {
            ImGui::TableNextRow();
            cell(incident.ticket_number);
            cell(wire_label("telemetry.condition.", incident.condition, language));
            cell(time_text(incident.opened_at, language, wareki));
            cell(incident.cleared_at ? time_text(incident.cleared_at, language, wareki)
                                     : i18n::text("telemetry_fleet.detail.still_open", language));
        }
        ImGui::EndTable();
    }
}

void draw_oddities(const DeviceTelemetryRecord& record, Language language) {
    draw_heading(i18n::text("telemetry_fleet.detail.oddities", language));
    if (record.oddities.empty()) {
        draw_status(i18n::text("telemetry_fleet.detail.no_oddities", language));
        return;
    }
    if (!begin_list("oddities", {"telemetry_fleet.detail.oddity", "telemetry_fleet.detail.oid",
                                 "telemetry_fleet.detail.description"},
                    language)) {
        return;
    }
    for (const auto& oddity : record.oddities) {
        ImGui::TableNextRow();
        cell(wire_label("telemetry.oddity.", oddity.code, language));
        cell(oddity.oid);
        cell(oddity.detail);
    }
    ImGui::EndTable();
}

void draw_poll(App& app, DeviceTelemetry& device, Language language) {
    const auto* user = app.session().user();
    if (user == nullptr || !user->has_any({Role::desk_operator, Role::admin})) return;
    ImGui::SameLine();
    ImGui::BeginDisabled(device.polling());
    if (ImGui::Button(t(device.polling() ? "telemetry_fleet.poll.running" : "telemetry_fleet.poll.now", language))) {
        device.poll_now(app.api());
    }
    ImGui::EndDisabled();
    if (device.poll_text().empty()) return;
    ImGui::SameLine();
    if (device.poll_outcome() == DeviceTelemetry::PollOutcome::answered) {
        draw_status(device.poll_text());
    } else {
        draw_alert(device.poll_text());
    }
}

}  // namespace

void draw_device_telemetry(App& app, calendar::Instant now) {
    auto& page = app.telemetry_page();
    auto& device = page.device;
    const auto language = app.preferences().language;
    const bool wareki = app.preferences().wareki;
    device.set_language(language);
    if (ImGui::Button(t("telemetry_fleet.detail.back", language))) {
        device.close();
        page.fleet.reload(app.api());  // a poll may have changed the device's row
        return;
    }
    draw_poll(app, device, language);
    if (device.state() == DeviceTelemetry::State::failed) {
        if (draw_error_state(device.error_text(), language)) device.reload(app.api());
        return;
    }
    const auto* record = device.record();
    if (record == nullptr) {
        draw_loading_state(language);
        return;
    }
    ImGui::BeginChild("device_telemetry", ImVec2(0.0F, 0.0F), false);
    draw_heading(record->asset_tag);
    draw_identity(*record, language, wareki, now);
    ImGui::Separator();
    draw_conditions(*record, language);
    draw_toners(*record, language);
    draw_charts(*record, language);
    draw_alerts(*record, language);
    draw_condition_history(*record, language, wareki);
    draw_orders_and_incidents(*record, language, wareki);
    draw_oddities(*record, language);
    ImGui::EndChild();
}

}  // namespace madoguchi::client
