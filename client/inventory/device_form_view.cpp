#include "inventory/device_form_view.hpp"

#include <imgui.h>

#include "app/app.hpp"
#include "calendar/tokyo_time.hpp"
#include "inventory/device_class.hpp"
#include "ui/date_picker.hpp"
#include "ui/form_field.hpp"
#include "ui/format.hpp"
#include "ui/item_registry.hpp"
#include "ui/style.hpp"

namespace madoguchi::client {
namespace {

using i18n::Language;

// The class codes offered: the server's list, or the shared one before it has arrived.
std::vector<std::string> class_codes(const InventoryCatalogs& catalogs) {
    std::vector<std::string> codes;
    for (const auto& entry : catalogs.classes()) codes.push_back(entry.code);
    if (codes.empty()) {
        for (const auto& device_class : inventory::device_classes()) codes.emplace_back(device_class.code);
    }
    return codes;
}

void class_choice(DeviceFormValues& values, const FormErrors& errors, const InventoryCatalogs& catalogs, Language language) {
    const auto codes = class_codes(catalogs);
    std::vector<std::string> labels;
    int selected = -1;
    for (std::size_t i = 0; i < codes.size(); ++i) {
        labels.push_back(catalogs.class_label(codes[i], language));
        if (codes[i] == values.class_code) selected = static_cast<int>(i);
    }
    const auto error = errors.field("class", language);
    if (form_choice({i18n::text("inventory.column.class", language), true, error, {}}, labels, selected, language)) {
        values.class_code = codes[static_cast<std::size_t>(selected)];
    }
}

// A choice of ids with (none) first; `entries` give (id, label).
void id_choice(const char* label_key, const char* field, std::int64_t& id,
               const std::vector<std::pair<std::int64_t, std::string>>& entries, const FormErrors& errors, Language language) {
    std::vector<std::string> labels{i18n::text("inventory.none", language)};
    int selected = 0;
    for (std::size_t i = 0; i < entries.size(); ++i) {
        labels.push_back(entries[i].second);
        if (entries[i].first == id) selected = static_cast<int>(i + 1);
    }
    const auto error = errors.field(field, language);
    if (form_choice({i18n::text(label_key, language), false, error, {}}, labels, selected, language)) {
        id = selected == 0 ? 0 : entries[static_cast<std::size_t>(selected - 1)].first;
    }
}

void text(const char* label_key, const char* field, std::string& value, const FormErrors& errors, Language language,
          bool required = false, const char* hint_key = nullptr, bool multiline = false) {
    const auto error = errors.field(field, language);
    const std::string hint = hint_key != nullptr ? i18n::text(hint_key, language) : std::string();
    TextFieldOptions options;
    options.multiline = multiline;
    options.visible_lines = 4;
    form_text_field({i18n::text(label_key, language), required, error, hint}, value, language, options);
}

void draw_general_error(const std::string& general) {
    if (general.empty()) return;
    ImGui::PushStyleColor(ImGuiCol_Text, status_colours().error);
    ImGui::TextWrapped("%s", general.c_str());
    ImGui::PopStyleColor();
    report_last_item(general, "alert");
}

// A contract date: typed or picked from the calendar; a problem the rules find (an end
// before the start) is shown under it.
void date(App& app, const char* label_key, const char* field, DateFieldModel& model, std::string& value,
          const FormErrors& errors, Language language) {
    ImGui::TextUnformatted(t(label_key, language));
    const auto today = calendar::to_tokyo(calendar::now()).date;
    if (date_field(t(label_key, language), model, language, app.preferences().wareki, today)) {
        value = model.value() ? calendar::format_date(*model.value()) : std::string();
    }
    if (const auto error = errors.field(field, language); !error.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, status_colours().error);
        ImGui::TextWrapped("%s", error.c_str());
        ImGui::PopStyleColor();
        report_last_item(error, "alert");
    }
}

}  // namespace

void draw_device_form_fields(App& app, const InventoryCatalogs& catalogs, DeviceFormValues& values,
                             ContractDateFields& dates, const FormErrors& errors, Language language) {
    text("inventory.column.tag", "asset_tag", values.asset_tag, errors, language, true);
    text("inventory.label.serial", "serial", values.serial, errors, language);
    class_choice(values, errors, catalogs, language);
    std::vector<std::pair<std::int64_t, std::string>> models;
    for (const auto& model : catalogs.models()) {
        if (model.class_code == values.class_code) models.emplace_back(model.id, catalogs.model_label(model.id));
    }
    id_choice("inventory.column.model", "model_id", values.model_id, models, errors, language);
    std::vector<std::pair<std::int64_t, std::string>> locations;
    for (const auto& location : catalogs.locations()) locations.emplace_back(location.id, location.name);
    id_choice("inventory.column.location", "location_id", values.location_id, locations, errors, language);
    text("inventory.label.division_code", "division_code", values.division_code, errors, language);
    text("inventory.label.custodian_login", "custodian_login", values.custodian_login, errors, language);
    text("inventory.label.accessories", "accessories", values.accessories, errors, language, false,
         "inventory.label.accessories_hint");
    const auto* device_class = inventory::find_device_class(values.class_code);
    // Shown for polled classes, and wherever a value is set (so its error can be seen and fixed).
    if ((device_class != nullptr && device_class->telemetry) || !values.network_address.empty() ||
        !values.snmp_profile.empty()) {
        text("inventory.label.network_address", "network_address", values.network_address, errors, language);
        text("inventory.label.snmp_profile", "snmp_profile", values.snmp_profile, errors, language);
    }
    text("inventory.label.toner_delivery_address", "toner_delivery_address", values.toner_delivery_address, errors, language);
    text("inventory.label.toner_contact", "toner_contact", values.toner_contact, errors, language);
    date(app, "inventory.label.contract_start", "contract_start", dates.start, values.contract_start, errors, language);
    date(app, "inventory.label.contract_end", "contract_end", dates.end, values.contract_end, errors, language);
    text("inventory.label.notes", "notes", values.notes, errors, language, false, nullptr, true);
    draw_general_error(errors.general(language));
}

void draw_device_form(App& app, InventoryPage& page, Language language) {
    auto& editor = page.pane.editor;
    if (editor.device() == nullptr) return;
    draw_device_form_fields(app, page.catalogs, editor.values(), editor.dates(), editor.errors(), language);
    ImGui::BeginDisabled(editor.busy() || !editor.changed());
    if (ImGui::Button(t("inventory.save", language))) editor.save(app.api());
    ImGui::EndDisabled();
}

}  // namespace madoguchi::client
