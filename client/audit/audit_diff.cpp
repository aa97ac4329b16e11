#include "audit/audit_diff.hpp"

#include <set>

namespace madoguchi::client {
namespace {

nlohmann::json as_object(const nlohmann::json& side) {
    if (side.is_null()) return nlohmann::json::object();
    if (side.is_object()) return side;
    return nlohmann::json{{"value", side}};
}

}  // namespace

std::string display_value(const nlohmann::json& value) {
    if (value.is_null()) return "—";
    if (value.is_string()) return value.get<std::string>();
    return value.dump();
}

std::vector<FieldChange> audit_diff(const nlohmann::json& before, const nlohmann::json& after) {
    const auto old_fields = as_object(before);
    const auto new_fields = as_object(after);
    std::set<std::string> names;
    for (const auto& [name, value] : old_fields.items()) names.insert(name);
    for (const auto& [name, value] : new_fields.items()) names.insert(name);
    std::vector<FieldChange> changes;
    for (const auto& name : names) {
        FieldChange change;
        change.field = name;
        const bool had = old_fields.contains(name);
        const bool has = new_fields.contains(name);
        if (had) change.before = display_value(old_fields.at(name));
        if (has) change.after = display_value(new_fields.at(name));
        if (had && has) {
            change.kind = old_fields.at(name) == new_fields.at(name) ? FieldChange::Kind::unchanged : FieldChange::Kind::changed;
        } else {
            change.kind = had ? FieldChange::Kind::removed : FieldChange::Kind::added;
        }
        changes.push_back(std::move(change));
    }
    return changes;
}

}  // namespace madoguchi::client
