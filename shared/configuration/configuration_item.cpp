#include "configuration/configuration_item.hpp"

#include "validation/text_rules.hpp"

namespace madoguchi::configuration {
namespace {

std::string string_member(const nlohmann::json& json, const char* name) {
    const auto found = json.find(name);
    return found != json.end() && found->is_string() ? found->get<std::string>() : std::string();
}

std::int64_t integer_member(const nlohmann::json& json, const char* name) {
    const auto found = json.find(name);
    return found != json.end() && found->is_number_integer() ? found->get<std::int64_t>() : std::int64_t{0};
}

}  // namespace

std::string_view kind_name(ItemKind kind) { return kind == ItemKind::software ? "software" : "service"; }

std::optional<ItemKind> parse_kind(std::string_view name) {
    if (name == "service") return ItemKind::service;
    if (name == "software") return ItemKind::software;
    return std::nullopt;
}

std::string kind_label_key(ItemKind kind) {
    std::string key = "configuration.kind.";
    key += kind_name(kind);
    return key;
}

std::vector<validation::FieldProblem> validate(const ItemFields& fields) {
    std::vector<validation::FieldProblem> problems;
    const auto check = [&](const char* field, const std::string& value, std::size_t limit, bool required,
                           bool multiline = false) {
        auto problem = validation::text_problem(value, limit, required, multiline);
        if (!problem.empty()) problems.push_back({field, std::move(problem)});
    };
    check("name", fields.name, 100, true);
    check("description", fields.description, 2000, false, true);
    check("owner_division", fields.owner_division, 20, false);
    check("vendor", fields.vendor, 100, false);
    check("product_version", fields.product_version, 50, false);
    return problems;
}

nlohmann::json to_json(const ConfigurationItem& item) {
    const auto& f = item.fields;
    return {
        {"id", item.id},
        {"kind", kind_name(f.kind)},
        {"name", f.name},
        {"description", f.description},
        {"owner_division", f.owner_division},
        {"vendor", f.vendor},
        {"product_version", f.product_version},
        {"version", item.version},
        {"updated_at", item.updated_at},
    };
}

std::optional<ConfigurationItem> item_from_json(const nlohmann::json& json) {
    if (!json.is_object()) return std::nullopt;
    const auto kind = parse_kind(string_member(json, "kind"));
    if (!kind || integer_member(json, "id") <= 0) return std::nullopt;
    ConfigurationItem item;
    item.id = integer_member(json, "id");
    item.version = integer_member(json, "version");
    item.updated_at = string_member(json, "updated_at");
    auto& f = item.fields;
    f.kind = *kind;
    f.name = string_member(json, "name");
    f.description = string_member(json, "description");
    f.owner_division = string_member(json, "owner_division");
    f.vendor = string_member(json, "vendor");
    f.product_version = string_member(json, "product_version");
    return item;
}

}  // namespace madoguchi::configuration
