#include "inventory/asset.hpp"

#include <algorithm>

#include "inventory/ledger_cells.hpp"
#include "validation/text_rules.hpp"

namespace madoguchi::inventory {
namespace {

using validation::FieldProblem;
using validation::text_problem;

bool is_tag_char(char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'; }

void add(std::vector<FieldProblem>& problems, std::string_view field, std::string problem) {
    if (!problem.empty()) problems.push_back({std::string(field), std::move(problem)});
}

std::string tag_problem(std::string_view tag) {
    if (tag.empty()) return "field.required";
    return is_valid_asset_tag(tag) ? std::string() : "field.invalid_asset_tag";
}

std::string serial_problem(std::string_view serial) {
    const bool printable = std::all_of(serial.begin(), serial.end(), [](char c) { return c >= 0x21 && c <= 0x7e; });
    return serial.size() <= 64 && printable ? std::string() : "field.invalid_serial";
}

std::string class_problem(std::string_view code) {
    if (code.empty()) return "field.required";
    return find_device_class(code) ? std::string() : "field.unknown_class";
}

bool polled(std::string_view class_code) {
    const auto* device_class = find_device_class(class_code);
    return device_class != nullptr && device_class->telemetry;
}

std::string accessories_problem(const std::vector<std::string>& accessories) {
    for (const auto& accessory : accessories) {
        if (!text_problem(accessory, 50, true).empty()) return "field.invalid_accessory";
        // The ledger's CSV joins accessories with ';' and the import splits there.
        if (has_list_separator(accessory)) return "field.accessory_separator";
    }
    return {};
}

std::optional<calendar::Date> date_member(const nlohmann::json& json, const char* name) {
    const auto found = json.find(name);
    if (found == json.end() || !found->is_string()) return std::nullopt;
    return calendar::parse_date(found->get<std::string>());
}

nlohmann::json date_json(const std::optional<calendar::Date>& date) {
    return date ? nlohmann::json(calendar::format_date(*date)) : nlohmann::json(nullptr);
}

}  // namespace

bool is_valid_asset_tag(std::string_view tag) {
    return tag.size() >= 3 && tag.size() <= 32 && std::all_of(tag.begin(), tag.end(), is_tag_char) &&
           tag.front() != '-' && tag.back() != '-';
}

bool is_ipv4_address(std::string_view text) {
    int parts = 0;
    while (true) {
        std::size_t digits = 0;
        int value = 0;
        while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') {
            value = value * 10 + (text[digits] - '0');
            ++digits;
        }
        // 1–3 digits, no leading zero (010 reads as octal to some tools), at most 255.
        if (digits == 0 || digits > 3 || (digits > 1 && text[0] == '0') || value > 255) return false;
        ++parts;
        text.remove_prefix(digits);
        if (text.empty()) return parts == 4;
        if (text.front() != '.' || parts == 4) return false;
        text.remove_prefix(1);
    }
}

std::vector<FieldProblem> validate(const AssetFields& asset) {
    std::vector<FieldProblem> problems;
    add(problems, "asset_tag", tag_problem(asset.asset_tag));
    add(problems, "serial", serial_problem(asset.serial));
    add(problems, "class", class_problem(asset.class_code));
    add(problems, "custodian_login", text_problem(asset.custodian_login, 64, false));
    add(problems, "accessories", accessories_problem(asset.accessories));
    if (!asset.network_address.empty()) {
        if (!polled(asset.class_code)) {
            add(problems, "network_address", "field.not_polled_class");
        } else if (!is_ipv4_address(asset.network_address)) {
            add(problems, "network_address", "field.invalid_ip_address");
        }
    }
    if (!asset.snmp_profile.empty() && !polled(asset.class_code)) {
        add(problems, "snmp_profile", "field.not_polled_class");
    } else {
        add(problems, "snmp_profile", text_problem(asset.snmp_profile, 64, false));
    }
    add(problems, "toner_delivery_address", text_problem(asset.toner_delivery_address, 200, false));
    add(problems, "toner_contact", text_problem(asset.toner_contact, 100, false));
    if (asset.contract_start && asset.contract_end && *asset.contract_end < *asset.contract_start) {
        add(problems, "contract_end", "field.inverted_range");
    }
    add(problems, "notes", text_problem(asset.notes, 2000, false, true));
    return problems;
}

nlohmann::json to_json(const Asset& asset) {
    const auto& f = asset.fields;
    // Members placed straight into the object: an import builds 40,000 of these, and the
    // initializer-list form first wraps every member in an array of two.
    nlohmann::json document(nlohmann::json::value_t::object);
    auto& members = document.get_ref<nlohmann::json::object_t&>();
    members.emplace("id", asset.id);
    members.emplace("asset_tag", f.asset_tag);
    members.emplace("serial", f.serial);
    members.emplace("class", f.class_code);
    members.emplace("model_id", f.model_id == 0 ? nlohmann::json(nullptr) : nlohmann::json(f.model_id));
    members.emplace("location_id", f.location_id == 0 ? nlohmann::json(nullptr) : nlohmann::json(f.location_id));
    members.emplace("division_code", f.division_code);
    members.emplace("custodian_login", f.custodian_login);
    members.emplace("accessories", f.accessories);
    members.emplace("network_address", f.network_address);
    members.emplace("snmp_profile", f.snmp_profile);
    members.emplace("toner_delivery_address", f.toner_delivery_address);
    members.emplace("toner_contact", f.toner_contact);
    members.emplace("contract_start", date_json(f.contract_start));
    members.emplace("contract_end", date_json(f.contract_end));
    members.emplace("notes", f.notes);
    members.emplace("state", state_name(asset.state));
    members.emplace("version", asset.version);
    members.emplace("updated_at", asset.updated_at);
    return document;
}

std::optional<Asset> asset_from_json(const nlohmann::json& json) {
    if (!json.is_object()) return std::nullopt;
    const auto string = [&](const char* name) {
        const auto found = json.find(name);
        return found != json.end() && found->is_string() ? found->get<std::string>() : std::string();
    };
    const auto integer = [&](const char* name) {
        const auto found = json.find(name);
        return found != json.end() && found->is_number_integer() ? found->get<std::int64_t>() : std::int64_t{0};
    };
    const auto state = parse_state(string("state"));
    if (!state || integer("id") <= 0) return std::nullopt;
    Asset asset;
    asset.id = integer("id");
    asset.state = *state;
    asset.version = integer("version");
    asset.updated_at = string("updated_at");
    auto& f = asset.fields;
    f.asset_tag = string("asset_tag");
    f.serial = string("serial");
    f.class_code = string("class");
    f.model_id = integer("model_id");
    f.location_id = integer("location_id");
    f.division_code = string("division_code");
    f.custodian_login = string("custodian_login");
    if (const auto found = json.find("accessories"); found != json.end() && found->is_array()) {
        for (const auto& item : *found) {
            if (item.is_string()) f.accessories.push_back(item.get<std::string>());
        }
    }
    f.network_address = string("network_address");
    f.snmp_profile = string("snmp_profile");
    f.toner_delivery_address = string("toner_delivery_address");
    f.toner_contact = string("toner_contact");
    f.contract_start = date_member(json, "contract_start");
    f.contract_end = date_member(json, "contract_end");
    f.notes = string("notes");
    return asset;
}

}  // namespace madoguchi::inventory
