#include "inventory/device_body.hpp"

namespace madoguchi::server::inventory {
namespace {

using madoguchi::inventory::AssetFields;

bool given_null(const nlohmann::json& body, const char* name) {
    const auto found = body.find(name);
    return found != body.end() && found->is_null();
}

void read_text(http::BodyReader& reader, const char* name, std::string& target) {
    if (auto value = reader.optional_string(name)) target = std::move(*value);
}

void read_id(http::BodyReader& reader, const nlohmann::json& body, const char* name, std::int64_t& target) {
    if (given_null(body, name)) {
        target = 0;
    } else if (auto value = reader.optional_integer(name)) {
        if (*value <= 0) {
            reader.add_problem(name, "field.not_positive");
        } else {
            target = *value;
        }
    }
}

void read_date(http::BodyReader& reader, const nlohmann::json& body, const char* name,
               std::optional<calendar::Date>& target) {
    if (given_null(body, name)) {
        target.reset();
    } else if (auto value = reader.optional_string(name)) {
        target = calendar::parse_date(*value);
        if (!target) reader.add_problem(name, "field.invalid_date");
    }
}

}  // namespace

std::variant<DeviceBody, http::BodyRefusal> read_device_body(const nlohmann::json& body, const AssetFields& base,
                                                             bool creating) {
    http::BodyReader reader(body, {"asset_tag", "serial", "class", "model_id", "location_id", "division_code",
                                   "custodian_login", "accessories", "network_address", "snmp_profile",
                                   "toner_delivery_address", "toner_contact", "contract_start", "contract_end", "notes",
                                   "state", "version"});
    DeviceBody device{base, std::nullopt, 0};
    auto& f = device.fields;
    read_text(reader, "asset_tag", f.asset_tag);
    read_text(reader, "serial", f.serial);
    read_text(reader, "class", f.class_code);
    read_id(reader, body, "model_id", f.model_id);
    read_id(reader, body, "location_id", f.location_id);
    read_text(reader, "division_code", f.division_code);
    read_text(reader, "custodian_login", f.custodian_login);
    if (auto accessories = reader.optional_strings("accessories")) f.accessories = std::move(*accessories);
    read_text(reader, "network_address", f.network_address);
    read_text(reader, "snmp_profile", f.snmp_profile);
    read_text(reader, "toner_delivery_address", f.toner_delivery_address);
    read_text(reader, "toner_contact", f.toner_contact);
    read_date(reader, body, "contract_start", f.contract_start);
    read_date(reader, body, "contract_end", f.contract_end);
    read_text(reader, "notes", f.notes);
    std::optional<std::string> state_name;
    if (creating) {
        state_name = reader.optional_string("state");
        if (reader.has("version")) reader.add_problem("version", "field.unknown_field");
    } else {
        device.version = reader.integer("version");
        if (reader.has("state")) reader.add_problem("state", "field.use_transitions");
    }
    if (auto refusal = reader.refusal()) return *refusal;
    if (state_name) {
        device.state = madoguchi::inventory::parse_state(*state_name);
        if (!device.state) {
            auto error = api::make_error("validation_failed");
            api::add_field(error, "state", "field.unknown_state");
            return http::BodyRefusal{422, error};
        }
    }
    return device;
}

}  // namespace madoguchi::server::inventory
