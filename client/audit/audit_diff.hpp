#pragma once
// A record's before and after as a field-by-field comparison for the auditor: every field of
// either side once, in name order, with what it held before and after and whether it changed.
// Nested values are shown as compact JSON.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace madoguchi::client {

struct FieldChange {
    enum class Kind { unchanged, changed, added, removed };
    std::string field;
    std::string before;  // empty when the field was absent
    std::string after;
    Kind kind = Kind::unchanged;
};

// `before` / `after` are objects or null (a creation has no before, a deletion no after).
// A side that is not an object is compared as one field named "value".
std::vector<FieldChange> audit_diff(const nlohmann::json& before, const nlohmann::json& after);

// How a JSON value reads in the diff: strings without quotes, null as "—" (nothing).
std::string display_value(const nlohmann::json& value);

}  // namespace madoguchi::client
