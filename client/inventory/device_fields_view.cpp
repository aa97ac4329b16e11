#include "inventory/device_fields_view.hpp"

#include <imgui.h>

#include "calendar/tokyo_time.hpp"
#include "ui/format.hpp"
#include "ui/item_registry.hpp"

namespace madoguchi::client {
namespace {

using i18n::Language;

void line(const char* label_key, const std::string& value, Language language) {
    std::string text = i18n::text(label_key, language);
    text += language == Language::ja ? "：" : ": ";
    text += value.empty() ? "—" : value;
    ImGui::TextWrapped("%s", text.c_str());
    report_last_item(text, "text");
}

std::string accessories_text(const std::vector<std::string>& accessories, Language language) {
    std::string text;
    for (const auto& accessory : accessories) {
        if (!text.empty()) text += language == Language::ja ? "、" : ", ";
        std::string key = "inventory.accessory.";
        key += accessory;
        text += i18n::has_key(key) ? i18n::text(key, language) : accessory;
    }
    return text;
}

std::string date_text(const std::optional<calendar::Date>& date) { return date ? calendar::format_date(*date) : std::string(); }

std::string or_else(const std::string& name, const std::string& fallback) { return name.empty() ? fallback : name; }

}  // namespace

void draw_device_fields(const DeviceRow& device, const InventoryCatalogs& catalogs, Language language) {
    const auto& fields = device.asset.fields;
    line("inventory.column.tag", fields.asset_tag, language);
    line("inventory.column.class", catalogs.class_label(fields.class_code, language), language);
    line("inventory.column.model", or_else(device.model_name, catalogs.model_label(fields.model_id)), language);
    line("inventory.column.state", i18n::text(inventory::state_label_key(device.asset.state), language), language);
    line("inventory.column.location", or_else(device.location_name, catalogs.location_label(fields.location_id)), language);
    line("inventory.column.division", or_else(device.division_name, fields.division_code), language);
    std::string custodian = device.custodian_name;
    if (!fields.custodian_login.empty()) {
        if (custodian.empty()) {
            custodian = fields.custodian_login;
        } else {
            custodian.append(" (").append(fields.custodian_login).append(")");
        }
    }
    line("inventory.column.custodian", custodian, language);
    line("inventory.label.serial", fields.serial, language);
    line("inventory.label.accessories", accessories_text(fields.accessories, language), language);
    if (!fields.network_address.empty() || !fields.snmp_profile.empty()) {
        line("inventory.label.network_address", fields.network_address, language);
        line("inventory.label.snmp_profile", fields.snmp_profile, language);
    }
    if (!fields.toner_delivery_address.empty() || !fields.toner_contact.empty()) {
        line("inventory.label.toner_delivery_address", fields.toner_delivery_address, language);
        line("inventory.label.toner_contact", fields.toner_contact, language);
    }
    line("inventory.label.contract_start", date_text(fields.contract_start), language);
    line("inventory.label.contract_end", date_text(fields.contract_end), language);
    line("inventory.label.notes", fields.notes, language);
    const auto updated = calendar::parse_iso8601(device.asset.updated_at).instant;
    line("inventory.label.updated_at", updated ? format_display_time(*updated, language, false) : device.asset.updated_at,
         language);
    line("inventory.label.version", std::to_string(device.asset.version), language);
}

}  // namespace madoguchi::client
