#include "placement/request_case_view.hpp"

#include <imgui.h>

#include "app/app.hpp"
#include "ui/form_field.hpp"
#include "ui/format.hpp"
#include "ui/item_registry.hpp"
#include "ui/key_map.hpp"
#include "ui/list_state.hpp"
#include "ui/style.hpp"

namespace madoguchi::client {
namespace {

using i18n::Language;
using placement::PlacementRequest;

void line(const std::string& text, std::string_view role = "text") {
    ImGui::TextWrapped("%s", text.c_str());
    report_last_item(text, role);
}

std::string labelled(std::string_view label_key, const std::string& value, Language language) {
    return i18n::text(label_key, language) + (language == Language::ja ? "：" : ": ") + value;
}

void field_line(std::string_view label_key, const std::string& value, Language language) {
    if (!value.empty()) line(labelled(label_key, value, language));
}

void heading(std::string_view key, Language language) {
    ImGui::Spacing();
    ImGui::Separator();
    ImGui::TextUnformatted(t(key, language));
    report_last_item(i18n::text(key, language), "heading");
}

void draw_fields(const PlacementRequest& request, Language language, bool wareki) {
    line(request.number + " " + i18n::text(placement::kind_label_key(request.fields.kind), language), "heading");
    line(labelled("placement.field.state", i18n::text(placement::state_label_key(request.state), language), language),
         "status");
    if (!request.device_tag.empty()) {
        auto device = request.device_tag;
        if (!request.device_location_name.empty()) device.append("（").append(request.device_location_name).append("）");
        field_line("placement.field.device", device, language);
    }
    field_line("placement.field.model", request.model_name, language);
    field_line("placement.field.location", request.location_name, language);
    field_line("placement.field.division", request.division_name.empty() ? request.fields.division_code : request.division_name,
               language);
    if (request.fields.desired_date) {
        field_line("placement.field.desired_date", format_display_date(*request.fields.desired_date, language, wareki), language);
    }
    field_line("placement.field.requester",
               request.requester_name.empty() ? request.requester_login : request.requester_name, language);
    field_line("placement.field.reason", request.fields.reason, language);
    field_line("placement.field.vendor", request.vendor_company, language);
    field_line("placement.field.state_reason", request.state_reason, language);
}

std::string item_label(const std::string& key, placement::RequestKind kind, Language language) {
    const auto* spec = placement::find_checklist_item(kind, key);
    return spec != nullptr ? i18n::text(spec->label_key, language) : key;
}

void draw_checklist(App& app, RequestCase& opened, const PlacementRequest& request, bool desk, Language language) {
    heading("placement.checklist", language);
    const bool open = !placement::is_final(request.state);
    for (const auto& item : request.checklist) {
        const auto label = item_label(item.key, request.fields.kind, language);
        if (desk && open) {
            bool done = item.done;
            ImGui::BeginDisabled(opened.ticking());
            if (ImGui::Checkbox(label.c_str(), &done)) opened.tick(app.api(), item.key, done);
            annotate_last_item("checkbox", item.done ? "checked" : "");
            ImGui::EndDisabled();
        } else {
            line(i18n::text(item.done ? "placement.checkmark.done" : "placement.checkmark.open", language) + " " + label);
        }
        if (item.done && !item.done_at.empty()) {
            ImGui::Indent();
            const auto when = calendar::parse_iso8601(item.done_at);
            const auto stamp = when.instant ? format_display_time(*when.instant, language, app.preferences().wareki) : item.done_at;
            ImGui::TextDisabled("%s %s", item.done_by.c_str(), stamp.c_str());
            ImGui::Unindent();
        }
    }
}

void draw_moves(RequestCase& opened, Language language) {
    if (opened.moves().empty()) return;
    heading("placement.actions", language);
    bool first = true;
    for (const auto& move : opened.moves()) {
        const auto* label = t(move.action_key, language);
        if (!first) ImGui::SameLine();
        if (!first && ImGui::GetContentRegionAvail().x < ImGui::CalcTextSize(label).x + ImGui::GetFontSize()) ImGui::NewLine();
        first = false;
        if (ImGui::Button(label)) opened.begin(move);
    }
}

void draw_timeline(App& app, const RequestCase& opened, placement::RequestKind kind, Language language) {
    if (opened.events().empty()) return;
    heading("placement.timeline", language);
    for (const auto& event : opened.events()) {
        const auto when = calendar::parse_iso8601(event.occurred_at);
        auto text = when.instant ? format_display_time(*when.instant, language, app.preferences().wareki) : event.occurred_at;
        text.append(" ").append(event.actor).append(" ");
        if (event.action == "checked" || event.action == "unchecked") {
            text += fill_template(i18n::text("placement.event." + event.action, language),
                                  {{"item", item_label(event.item, kind, language)}});
        } else {
            const auto state = placement::parse_request_state(event.state);
            text += state ? i18n::text(placement::state_label_key(*state), language) : event.state;
        }
        if (!event.reason.empty()) text.append("（").append(event.reason).append("）");
        line(text);
    }
}

void draw_move_dialog(App& app, RequestCase& opened, Language language) {
    const auto& request = opened.request();
    const auto title = i18n::text("placement.dialog.title", language) + "###placement_move";
    if (opened.dialog_open() && request && !ImGui::IsPopupOpen(title.c_str())) ImGui::OpenPopup(title.c_str());
    const auto* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5F, 0.5F));
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 28.0F, 0.0F));
    if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_NoSavedSettings)) {
        opened.cancel();
        return;
    }
    const auto& move = opened.pending();
    if (request) {
        line(fill_template(i18n::text("placement.dialog.message", language),
                           {{"number", request->number},
                            {"action", i18n::text(move.action_key, language)},
                            {"state", i18n::text(placement::state_label_key(move.to), language)}}));
    }
    if (opened.needs_vendor()) {
        std::vector<std::string> companies = opened.vendor_companies();
        form_choice({i18n::text("placement.field.vendor", language), true, opened.field_error("vendor_company", language), {}},
                    companies, opened.vendor, language);
    }
    if (opened.needs_new_device()) {
        form_text_field({i18n::text("placement.field.asset_tag", language), true, opened.field_error("asset_tag", language),
                         i18n::text("placement.field.asset_tag_hint", language)},
                        opened.asset_tag, language);
        form_text_field({i18n::text("placement.field.serial", language), false, opened.field_error("serial", language), {}},
                        opened.serial, language);
    }
    TextFieldOptions options;
    options.multiline = true;
    options.visible_lines = 3;
    form_text_field({i18n::text("placement.dialog.reason", language), move.needs_reason, opened.field_error("reason", language),
                     {}},
                    opened.reason, language, options);
    if (const auto refusal = opened.refusal(language); !refusal.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, status_colours().error);
        ImGui::TextWrapped("%s", refusal.c_str());
        ImGui::PopStyleColor();
        report_last_item(refusal, "alert");
    }
    ImGui::BeginDisabled(opened.busy());
    if (ImGui::Button(t("placement.dialog.confirm", language))) opened.submit(app.api());
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button(t("placement.dialog.cancel", language)) || ImGui::IsKeyPressed(key_escape, false)) opened.cancel();
    if (!opened.dialog_open()) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

}  // namespace

void draw_request_case(App& app, PlacementPage& page, calendar::Instant) {
    auto& opened = page.opened;
    const auto language = app.preferences().language;
    const auto& request = opened.request();
    if (!request) {
        if (const auto error = opened.load_error(language); !error.empty()) {
            if (draw_error_state(error, language)) opened.open(app.api(), opened.id());
        } else {
            draw_loading_state(language);
        }
        return;
    }
    const auto* user = app.session().user();
    const bool desk = user != nullptr && user->has_any({Role::desk_operator, Role::admin});
    draw_fields(*request, language, app.preferences().wareki);
    draw_checklist(app, opened, *request, desk, language);
    if (!opened.dialog_open()) {
        if (const auto refusal = opened.refusal(language); !refusal.empty()) {
            ImGui::PushStyleColor(ImGuiCol_Text, status_colours().error);
            ImGui::TextWrapped("%s", refusal.c_str());
            ImGui::PopStyleColor();
            report_last_item(refusal, "alert");
        }
    }
    draw_moves(opened, language);
    draw_timeline(app, opened, request->fields.kind, language);
    draw_move_dialog(app, opened, language);
}

}  // namespace madoguchi::client
