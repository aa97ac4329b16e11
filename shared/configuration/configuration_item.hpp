#pragma once
// 構成アイテム (configuration item): a service (チャットボット, Slack, kintone, GSS連携) or a
// piece of software the desk keeps track of beyond the devices of the ledger. Software may
// carry a licence (licence.hpp); every item may carry versioned settings (settings.hpp) and
// documents. Validation shared by the API and the client's edit form.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "validation/field_problem.hpp"

namespace madoguchi::configuration {

enum class ItemKind { service, software };

std::string_view kind_name(ItemKind kind);  // "service", "software"
std::optional<ItemKind> parse_kind(std::string_view name);
// Catalog key of the kind's label: "configuration.kind.service" (サービス), …
std::string kind_label_key(ItemKind kind);

struct ItemFields {
    ItemKind kind = ItemKind::service;
    std::string name;             // 名称: 1–100, unique among items
    std::string description;      // 説明: at most 2000, multi-line
    std::string owner_division;   // 所管課室 (a division code): optional, at most 20
    std::string vendor;           // ベンダー: optional, at most 100
    std::string product_version;  // 製品のバージョン ("Neo Plus 5.0"): optional, at most 50
    friend bool operator==(const ItemFields&, const ItemFields&) = default;
};

struct ConfigurationItem {
    std::int64_t id = 0;
    ItemFields fields;
    std::int64_t version = 1;  // of the record: an update names the one it read (409 otherwise)
    std::string updated_at;    // UTC ISO 8601
};

// Reason keys: field.required, field.too_long_<n>, field.control_character, field.invalid_utf8.
// At most one problem per field, in field order.
std::vector<validation::FieldProblem> validate(const ItemFields& fields);

// The wire form: id, kind, name, description, owner_division, vendor, product_version,
// version, updated_at.
nlohmann::json to_json(const ConfigurationItem& item);
// From the wire form; std::nullopt when it is not one.
std::optional<ConfigurationItem> item_from_json(const nlohmann::json& json);

}  // namespace madoguchi::configuration
