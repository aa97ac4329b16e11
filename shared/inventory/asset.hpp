#pragma once
// 資産 (asset): one device in the ledger — what it is, where, with whom, under which contract.
// Its state is not a field: it changes only through the state machine (asset_state.hpp).
// Validation shared by the API, the CSV import and the client's edit form.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "calendar/civil_date.hpp"
#include "inventory/asset_state.hpp"
#include "validation/field_problem.hpp"

namespace madoguchi::inventory {

struct AssetFields {
    std::string asset_tag;               // 資産番号: 3–32 of A–Z 0–9 - (upper case), unique
    std::string serial;                  // 製造番号: optional, at most 64 printable ASCII
    std::string class_code;              // a device_classes() code
    std::int64_t model_id = 0;           // device_models.id; 0: not known yet
    std::int64_t location_id = 0;        // locations.id; 0: none recorded
    std::string division_code;           // 課室: optional
    std::string custodian_login;         // 管理者・使用者 (a user's login): optional
    std::vector<std::string> accessories;  // "mouse", "privacy_filter", "ACアダプタ": each 1–50
    std::string network_address;         // IPv4 of a device polled over SNMP; empty otherwise
    std::string snmp_profile;            // name of its SNMP profile (issue 8): at most 64
    std::string toner_delivery_address;  // トナー配送先 (MFPs): at most 200
    std::string toner_contact;           // 連絡先 for deliveries: at most 100
    std::optional<calendar::Date> contract_start;  // 契約・リース期間
    std::optional<calendar::Date> contract_end;
    std::string notes;                   // 備考: at most 2000, multi-line
    friend bool operator==(const AssetFields&, const AssetFields&) = default;
};

// A device as the ledger holds it.
struct Asset {
    std::int64_t id = 0;
    AssetFields fields;
    AssetState state = AssetState::in_stock;
    std::int64_t version = 1;  // grows with every change: an update names the one it read
    std::string updated_at;    // UTC ISO 8601
};

// Reason keys: field.required, field.invalid_asset_tag, field.invalid_serial,
// field.unknown_class, field.invalid_ip_address, field.not_polled_class (an address or SNMP
// profile on a class without telemetry), field.too_long_<n>, field.control_character,
// field.invalid_utf8, field.invalid_accessory, field.inverted_range (contract ends before it
// starts). At most one problem per field, in field order.
std::vector<validation::FieldProblem> validate(const AssetFields& asset);

bool is_valid_asset_tag(std::string_view tag);
bool is_ipv4_address(std::string_view text);

// The wire form: the fields by their JSON names, plus id, class, state, version, updated_at.
nlohmann::json to_json(const Asset& asset);
// From the wire form; std::nullopt when it is not one (the client reads server answers).
std::optional<Asset> asset_from_json(const nlohmann::json& json);

}  // namespace madoguchi::inventory
