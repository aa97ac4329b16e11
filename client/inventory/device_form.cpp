#include "inventory/device_form.hpp"

#include <algorithm>

namespace madoguchi::client {
namespace {

std::string trimmed(std::string text) {
    const auto space = [](unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    while (!text.empty() && space(static_cast<unsigned char>(text.back()))) text.pop_back();
    const auto first = std::find_if_not(text.begin(), text.end(), [&](char c) { return space(static_cast<unsigned char>(c)); });
    return std::string(first, text.end());
}

// Commas and the Japanese 読点 both separate; blank entries are dropped.
std::vector<std::string> split_list(const std::string& text) {
    std::vector<std::string> items;
    std::string current;
    const auto flush = [&] {
        if (auto item = trimmed(current); !item.empty()) items.push_back(std::move(item));
        current.clear();
    };
    static const std::string touten = "、";
    static const std::string fullwidth_comma = "，";
    for (std::size_t i = 0; i < text.size();) {
        if (text[i] == ',') {
            flush();
            ++i;
        } else if (text.compare(i, touten.size(), touten) == 0) {
            flush();
            i += touten.size();
        } else if (text.compare(i, fullwidth_comma.size(), fullwidth_comma) == 0) {
            flush();
            i += fullwidth_comma.size();
        } else {
            current += text[i++];
        }
    }
    flush();
    return items;
}

std::string join_list(const std::vector<std::string>& items) {
    std::string text;
    for (const auto& item : items) {
        if (!text.empty()) text += ", ";
        text += item;
    }
    return text;
}

std::string date_text(const std::optional<calendar::Date>& date) {
    return date ? calendar::format_date(*date) : std::string();
}

std::optional<calendar::Date> date_of(const std::string& text) {
    const auto value = trimmed(text);
    return value.empty() ? std::nullopt : calendar::parse_date(value);
}

bool unreadable_date(const std::string& text) { return !trimmed(text).empty() && !date_of(text); }

nlohmann::json id_json(std::int64_t id) { return id == 0 ? nlohmann::json(nullptr) : nlohmann::json(id); }

nlohmann::json date_json(const std::optional<calendar::Date>& date) {
    return date ? nlohmann::json(calendar::format_date(*date)) : nlohmann::json(nullptr);
}

}  // namespace

DeviceFormValues form_values(const inventory::AssetFields& fields) {
    DeviceFormValues values;
    values.asset_tag = fields.asset_tag;
    values.serial = fields.serial;
    values.class_code = fields.class_code;
    values.model_id = fields.model_id;
    values.location_id = fields.location_id;
    values.division_code = fields.division_code;
    values.custodian_login = fields.custodian_login;
    values.accessories = join_list(fields.accessories);
    values.network_address = fields.network_address;
    values.snmp_profile = fields.snmp_profile;
    values.toner_delivery_address = fields.toner_delivery_address;
    values.toner_contact = fields.toner_contact;
    values.contract_start = date_text(fields.contract_start);
    values.contract_end = date_text(fields.contract_end);
    values.notes = fields.notes;
    return values;
}

inventory::AssetFields form_fields(const DeviceFormValues& values) {
    inventory::AssetFields fields;
    fields.asset_tag = trimmed(values.asset_tag);
    fields.serial = trimmed(values.serial);
    fields.class_code = values.class_code;
    fields.model_id = values.model_id;
    fields.location_id = values.location_id;
    fields.division_code = trimmed(values.division_code);
    fields.custodian_login = trimmed(values.custodian_login);
    fields.accessories = split_list(values.accessories);
    fields.network_address = trimmed(values.network_address);
    fields.snmp_profile = trimmed(values.snmp_profile);
    fields.toner_delivery_address = values.toner_delivery_address;
    fields.toner_contact = values.toner_contact;
    fields.contract_start = date_of(values.contract_start);
    fields.contract_end = date_of(values.contract_end);
    fields.notes = values.notes;
    return fields;
}

std::vector<validation::FieldProblem> check_form(const DeviceFormValues& values) {
    std::vector<validation::FieldProblem> problems;
    if (unreadable_date(values.contract_start)) problems.push_back({"contract_start", "field.invalid_date"});
    if (unreadable_date(values.contract_end)) problems.push_back({"contract_end", "field.invalid_date"});
    for (auto& problem : inventory::validate(form_fields(values))) problems.push_back(std::move(problem));
    return problems;
}

nlohmann::json device_changes(const inventory::AssetFields& before, const DeviceFormValues& after) {
    const auto fields = form_fields(after);
    auto body = nlohmann::json::object();
    const auto text = [&](const char* name, const std::string& old_value, const std::string& new_value) {
        if (old_value != new_value) body[name] = new_value;
    };
    text("asset_tag", before.asset_tag, fields.asset_tag);
    text("serial", before.serial, fields.serial);
    text("class", before.class_code, fields.class_code);
    if (before.model_id != fields.model_id) body["model_id"] = id_json(fields.model_id);
    if (before.location_id != fields.location_id) body["location_id"] = id_json(fields.location_id);
    text("division_code", before.division_code, fields.division_code);
    text("custodian_login", before.custodian_login, fields.custodian_login);
    if (before.accessories != fields.accessories) body["accessories"] = fields.accessories;
    text("network_address", before.network_address, fields.network_address);
    text("snmp_profile", before.snmp_profile, fields.snmp_profile);
    text("toner_delivery_address", before.toner_delivery_address, fields.toner_delivery_address);
    text("toner_contact", before.toner_contact, fields.toner_contact);
    if (before.contract_start != fields.contract_start) body["contract_start"] = date_json(fields.contract_start);
    if (before.contract_end != fields.contract_end) body["contract_end"] = date_json(fields.contract_end);
    text("notes", before.notes, fields.notes);
    return body;
}

void ContractDateFields::show(const DeviceFormValues& values) {
    start.set(date_of(values.contract_start));
    end.set(date_of(values.contract_end));
}

}  // namespace madoguchi::client
