#include "placement/request_form_view.hpp"

#include <imgui.h>

#include "app/app.hpp"
#include "ui/date_picker.hpp"
#include "ui/form_field.hpp"
#include "ui/format.hpp"
#include "ui/item_registry.hpp"
#include "ui/list_state.hpp"
#include "ui/style.hpp"

namespace madoguchi::client {
namespace {

using i18n::Language;

FieldFrame frame(std::string_view label_key, bool required, const std::string& error, Language language) {
    return {i18n::text(label_key, language), required, error, {}};
}

void draw_what(RequestForm& form, Language language) {
    const auto kind = form.chosen_kind();
    if (kind == placement::RequestKind::install) {
        std::vector<std::string> class_labels;
        for (const auto& entry : form.classes()) class_labels.push_back(form.catalogs.class_label(entry.code, language));
        if (form_choice(frame("placement.field.class", true, form.error("class", language), language), class_labels,
                        form.device_class, language)) {
            form.model = -1;
        }
        std::vector<std::string> model_labels;
        for (const auto& entry : form.models()) model_labels.push_back(entry.maker + " " + entry.name);
        form_choice(frame("placement.field.model", true, form.error("model_id", language), language), model_labels, form.model,
                    language);
        return;
    }
    std::vector<std::string> device_labels;
    for (const auto& device : form.devices()) {
        auto label = device.tag;
        if (!device.location_name.empty()) label.append("（").append(device.location_name).append("）");
        device_labels.push_back(std::move(label));
    }
    form_choice(frame("placement.field.device", true, form.error("device_id", language), language), device_labels, form.device,
                language);
    if (form.devices().empty()) {
        ImGui::TextDisabled("%s", t("placement.no_devices", language));
        report_last_item(i18n::text("placement.no_devices", language), "status");
    }
}

void draw_target(App& app, RequestForm& form, Language language) {
    if (!placement::has_target(form.chosen_kind())) return;
    std::vector<std::string> location_labels;
    for (const auto& entry : form.catalogs.locations()) location_labels.push_back(entry.name);
    form_choice(frame("placement.field.location", true, form.error("location_id", language), language), location_labels,
                form.location, language);
    const auto& divisions = app.divisions();
    if (form.division_fixed()) {
        const auto text = i18n::text("placement.field.division", language) + (language == Language::ja ? "：" : ": ") +
                          divisions.name_of(form.own_division(), language);
        ImGui::TextUnformatted(text.c_str());
        report_last_item(text, "text");
        return;
    }
    form.default_division(divisions);
    std::vector<std::string> division_labels;
    for (const auto& entry : divisions.tree()) {
        division_labels.push_back(std::string(static_cast<std::size_t>(entry.depth) * 2, ' ') + divisions.name_of(entry.code, language));
    }
    form_choice(frame("placement.field.division", true, form.error("division_code", language), language), division_labels,
                form.division, language);
}

}  // namespace

void draw_request_form(App& app, PlacementPage& page, calendar::Instant now) {
    auto& form = page.form;
    const auto language = app.preferences().language;
    const auto today = calendar::to_tokyo(now).date;
    ImGui::TextUnformatted(t("placement.new", language));
    report_last_item(i18n::text("placement.new", language), "heading");
    if (form.loading()) {
        draw_loading_state(language);
        return;
    }
    std::vector<std::string> kind_labels;
    for (const auto kind : placement::request_kinds()) kind_labels.push_back(i18n::text(placement::kind_label_key(kind), language));
    form_choice(frame("placement.field.kind", true, form.error("kind", language), language), kind_labels, form.kind, language);
    draw_what(form, language);
    draw_target(app, form, language);

    date_field(t("placement.field.desired_date", language), form.desired, language, app.preferences().wareki, today);
    if (const auto error = form.error("desired_date", language); !error.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, status_colours().error);
        ImGui::TextWrapped("%s", error.c_str());
        ImGui::PopStyleColor();
        report_last_item(error, "alert");
    }
    TextFieldOptions options;
    options.multiline = true;
    options.visible_lines = 4;
    form_text_field(frame("placement.field.reason", true, form.error("reason", language), language), form.reason, language,
                    options);
    if (const auto error = form.general_error(language); !error.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, status_colours().error);
        ImGui::TextWrapped("%s", error.c_str());
        ImGui::PopStyleColor();
        report_last_item(error, "alert");
    }
    ImGui::BeginDisabled(form.busy());
    if (ImGui::Button(t("placement.submit", language))) form.submit(app.api(), app.divisions(), today);
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button(t("placement.form.cancel", language))) page.form_open = false;
}

}  // namespace madoguchi::client
